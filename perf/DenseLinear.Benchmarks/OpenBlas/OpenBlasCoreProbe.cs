using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// Times each <see cref="OpenBlasCandidate"/> in a process of its own, since OpenBLAS picks its core once, when it
/// loads. A candidate that crashes (a core whose instructions the CPU lacks), hangs, computes wrong results or is not
/// in this build is reported with the reason and never chosen.
/// </summary>
public static class OpenBlasCoreProbe
{
    private static readonly TimeSpan ChildTimeLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Every candidate's best over <paramref name="rounds"/> rounds, alternating the order so no candidate always
    /// runs first or last on a shared machine; in the order given.
    /// </summary>
    public static IReadOnlyList<OpenBlasCoreTrial> Run(IReadOnlyList<OpenBlasCandidate> candidates, int rounds = 2)
    {
        ArgumentNullException.ThrowIfNull(candidates);
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

    private static OpenBlasCoreTrial RunChild(OpenBlasCandidate candidate)
    {
        ProcessStartInfo start = SelfStartInfo(OpenBlasCoreTiming.Command);
        foreach ((string name, string? value) in candidate.Settings)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
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

        OpenBlasCoreTrial trial = (JsonSerializer.Deserialize<OpenBlasCoreTrial>(line) ?? throw new FormatException($"empty trial: {line}")) with { Candidate = candidate.Label };
        return candidate.CoreType is { } forced && !string.Equals(forced, trial.Core, StringComparison.OrdinalIgnoreCase)
            ? trial with { Failure = $"not a core of this build (OpenBLAS loaded {trial.Core ?? "nothing"})" }
            : trial;
    }

    /// <summary>This program again with <paramref name="command"/>: through its apphost, or through <c>dotnet</c> and the dll.</summary>
    private static ProcessStartInfo SelfStartInfo(string command)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("The entry assembly is unknown."));
        }

        start.ArgumentList.Add(command);
        return start;
    }
}
