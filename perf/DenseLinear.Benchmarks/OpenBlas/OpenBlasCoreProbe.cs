using System.CommandLine;
using System.Diagnostics;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// Times each <see cref="OpenBlasCandidate"/> in a process of its own (<c>openblas-core-trial</c>), since OpenBLAS picks
/// its core once, when it loads: the child checks its results against the naive kernel, times one-thread sgemm and
/// dgemm, and prints one JSON line. A candidate that crashes (a core whose instructions the CPU lacks), hangs, computes
/// wrong results or is not in this build is reported with the reason and never chosen.
/// </summary>
public static class OpenBlasCoreProbe
{
    private const string TrialCommand = "openblas-core-trial";

    private static readonly TimeSpan ChildTimeLimit = TimeSpan.FromSeconds(60), TimePerRoutine = TimeSpan.FromMilliseconds(200);

    /// <summary>Large enough to run each core's packed kernels, small enough to time in a fraction of a second.</summary>
    public static MatMulShape Shape { get; } = MatMulShape.Square(512);

    /// <summary><c>openblas-cores</c>, the probe alone; and the hidden child command the probe starts per candidate.</summary>
    public static Command[] CreateCommands()
    {
        var cores = new Command("openblas-cores", "Runs the OpenBLAS core probe alone: every candidate's rates and the one a run would anchor on.");
        cores.SetAction(_ => RunAlone());
        var trial = new Command(TrialCommand, "One candidate of the core probe, in a process of its own.") { Hidden = true };
        trial.SetAction(_ => Trial());
        return [cores, trial];
    }

    /// <summary>
    /// Every candidate's best over <paramref name="rounds"/> rounds, alternating the order so no candidate always
    /// runs first or last on a shared machine; in the order given.
    /// </summary>
    public static IReadOnlyList<OpenBlasCoreTrial> Run(IReadOnlyList<OpenBlasCandidate> candidates, int rounds = 2)
    {
        var best = new Dictionary<string, OpenBlasCoreTrial>(StringComparer.Ordinal);
        for (int round = 0; round < rounds; round++)
        {
            foreach (OpenBlasCandidate candidate in round % 2 == 0 ? candidates : candidates.Reverse())
            {
                OpenBlasCoreTrial trial = RunChild(candidate);
                best[candidate.Label] = best.TryGetValue(candidate.Label, out OpenBlasCoreTrial? earlier) ? earlier.Best(trial) : trial;
            }
        }

        return [.. candidates.Select(c => best[c.Label])];
    }

    /// <summary>The fastest trial without a failure, or null when none ran.</summary>
    public static OpenBlasCoreTrial? Fastest(IEnumerable<OpenBlasCoreTrial> trials) =>
        trials.Where(t => t.Score is not null).MaxBy(t => t.Score);

    /// <summary>
    /// <c>openblas-cores</c>: prints every candidate's result and the one a run would anchor on, without loading
    /// OpenBLAS in this process. Exit 1 when no candidate computed correctly while OpenBLAS is there.
    /// </summary>
    private static int RunAlone()
    {
        InstructionLevel cpu = OpenBlasCore.Cpu;
        IReadOnlyList<OpenBlasCandidate> candidates = OpenBlasCandidate.For(cpu, OpenBlasCandidate.Variables());
        Console.WriteLine($"openblas-cores: the CPU runs {cpu}; trying {candidates.Count} candidates, each in its own process, two rounds.");
        IReadOnlyList<OpenBlasCoreTrial> trials = Run(candidates);
        foreach (OpenBlasCoreTrial trial in trials)
        {
            Console.WriteLine($"  {trial.Describe()}");
        }

        if (Fastest(trials) is not { } fastest)
        {
            bool missing = trials.All(t => t.Failure?.StartsWith("OpenBLAS not found", StringComparison.Ordinal) == true);
            string why = missing ? "OpenBLAS is not installed; nothing to anchor on" : "no candidate computed correctly";
            Console.WriteLine($"openblas-cores: {why}.");
            return missing ? 0 : 1;
        }

        Console.WriteLine($"openblas-cores: a run anchors on {fastest.Candidate} ({fastest.Core}), sgemm/dgemm GFLOP/s at {Shape.M}³, one thread.");
        if (fastest.Core is { } core && OpenBlasCore.GenericWarning(core, cpu) is { } warning)
        {
            Console.WriteLine($"WARNING: {warning}.");
        }

        return 0;
    }

    /// <summary>This program again, through its apphost or through <c>dotnet</c> and the dll, as the candidate sets.</summary>
    private static OpenBlasCoreTrial RunChild(OpenBlasCandidate candidate)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("The entry assembly is unknown."));
        }

        start.ArgumentList.Add(TrialCommand);
        foreach ((string name, string? value) in candidate.Settings)
        {
            // A null value would still reach the child as an empty variable.
            start.Environment.Remove(name);
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ChildTimeLimit))
        {
            process.Kill(entireProcessTree: true);
            return new(candidate.Label, null, null, null, $"no answer in {ChildTimeLimit.TotalSeconds:F0} s");
        }

        string? line = output.Result.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || line is null)
        {
            string said = error.Result.Trim().Split('\n').LastOrDefault() ?? "";
            return new(candidate.Label, null, null, null, $"the process ended with exit code {process.ExitCode} {said}".Trim());
        }

        OpenBlasCoreTrial trial = (JsonSerializer.Deserialize<OpenBlasCoreTrial>(line) ?? throw new FormatException($"empty trial: {line}")) with
        {
            Candidate = candidate.Label,
        };
        return candidate.CoreType is { } forced && !string.Equals(forced, trial.Core, StringComparison.OrdinalIgnoreCase)
            ? trial with { Failure = $"not a core of this build (OpenBLAS loaded {trial.Core ?? "nothing"})" }
            : trial;
    }

    /// <summary>The child's side: OpenBLAS loaded as the environment it was started with says, checked, then timed.</summary>
    private static int Trial()
    {
        string? core = OpenBlasLibrary.CoreName;
        OpenBlasCoreTrial trial = !OpenBlasLibrary.IsAvailable ? new("", null, null, null, $"OpenBLAS {OpenBlasLibrary.Describe()}")
            : OpenBlasCheck.Failures.Count > 0 ? new("", core, null, null, $"wrong results: {string.Join(" ", OpenBlasCheck.Failures)}")
            : new("", core, Gflops<float>(), Gflops<double>(), null);
        Console.WriteLine(JsonSerializer.Serialize(trial));
        return 0;
    }

    /// <summary>The fastest of repeated calls after one warm-up: on a shared machine the minimum is the least disturbed.</summary>
    private static double Gflops<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = new MatMulData<T>(Shape, WeightLayout.InOut);
        OpenBlasLibrary.Multiply(data);
        double best = double.MaxValue;
        var total = Stopwatch.StartNew();
        do
        {
            long start = Stopwatch.GetTimestamp();
            OpenBlasLibrary.Multiply(data);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        while (total.Elapsed < TimePerRoutine);
        return Shape.Flops / best / 1e9;
    }
}
