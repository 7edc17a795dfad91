using System.CommandLine;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Benchmarks.Provenance;

namespace DenseLinear.Benchmarks.Running;

/// <summary>
/// The root command: runs the suites through <see cref="BenchmarkSwitcher"/>, every argument it does not know passed on
/// to BenchmarkDotNet. Prints the <see cref="RunInfo"/> first and writes it beside the reports afterwards.
/// </summary>
public static class RunCommand
{
    /// <summary>The root (whose --version is BenchmarkDotNet's), with <paramref name="commands"/> under it.</summary>
    public static RootCommand Create(params Command[] commands)
    {
        var quick = new Option<bool>("--quick") { Description = "The CI smoke: in-process, a few products, every row." };
        var medium = new Option<bool>("--medium") { Description = "Every suite in-process with short fixed counts." };
        string cores = string.Join(", ", OpenBlasCore.Known.Select(c => c.Name));
        Option<string> core = CliOptions.Last(
            "--openblas-core",
            $"{OpenBlasChoice.Fastest} (the default: the fastest core that computes correctly), {OpenBlasChoice.AsEnvironment} (the machine's "
                + $"OPENBLAS_* pins) or a core's name ({cores}).",
            OpenBlasChoice.Fastest);
        var switches = new Argument<string[]>("BenchmarkDotNet switches") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        var root = new RootCommand(
            "Runs the suites (every one by default, a separate process per case); arguments it does not know (--filter, --artifacts, --list, ...) "
                + "go to BenchmarkDotNet. The commands read what a run leaves. See perf/README.md.")
        {
            quick, medium, core, switches,
        };
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        commands.ToList().ForEach(root.Subcommands.Add);
        root.SetAction(r => Run(
            r.GetValue(quick) ? BenchmarkConfigs.Quick() : r.GetValue(medium) ? BenchmarkConfigs.Medium() : BenchmarkConfigs.Full(),
            r.GetRequiredValue(core),
            [.. r.GetValue(switches) ?? []]));
        return root;
    }

    private static int Run(IConfig config, string rule, List<string> switcherArgs)
    {
        // Without a filter the switcher asks on the console; CI has no console, so the default is everything.
        if (!switcherArgs.Contains("--filter") && !switcherArgs.Contains("-f"))
        {
            switcherArgs.AddRange(["--filter", "*"]);
        }

        // Before anything loads OpenBLAS: it reads its core from the environment once, when it loads.
        OpenBlasChoice choice = OpenBlasChoice.Choose(rule);
        RunInfo info = RunInfo.Capture(choice);
        Console.WriteLine($"Run info: {info.Describe()}");
        if (info.OpenBlasWarning is { } warning)
        {
            Console.WriteLine($"WARNING: {warning}.");
        }

        if (choice.ExpectedCore() is { } expected && info.OpenBlasCore is { } loaded
            && !string.Equals(expected, loaded, StringComparison.OrdinalIgnoreCase))
        {
            Console.WriteLine($"ERROR: OpenBLAS loaded {loaded}, not the chosen {expected} (exit 2).");
            return 2;
        }

        if (!ReportOpenBlas())
        {
            return 2;
        }

        Summary[] summaries = [.. BenchmarkSwitcher.FromAssembly(typeof(RunCommand).Assembly).Run([.. switcherArgs], config)];

        // Each summary knows where its reports went (--artifacts moves them), so the record lands beside them.
        foreach (string directory in summaries.Select(s => s.ResultsDirectoryPath).Distinct(StringComparer.Ordinal))
        {
            Console.WriteLine($"Run info: wrote {info.Write(directory)}");
        }

        bool onlyListed = switcherArgs.Any(a => a is "--list" or "--info" or "--version");
        bool failed = (summaries.Length == 0 && !onlyListed) || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        Console.WriteLine(failed ? "Benchmarks: FAILED (see the log above)." : $"Benchmarks: {summaries.Sum(s => s.Reports.Length)} cases done.");
        return failed ? 1 : 0;
    }

    /// <summary>Prints what OpenBLAS is and proves its bindings; false when they give wrong answers.</summary>
    private static bool ReportOpenBlas()
    {
        if (!OpenBlasLibrary.IsAvailable)
        {
            Console.WriteLine($"NOTE: OpenBLAS {OpenBlasLibrary.Describe()}. The OpenBLAS rows are skipped.");
            return true;
        }

        foreach (string failure in OpenBlasCheck.Failures)
        {
            Console.WriteLine($"ERROR: OpenBLAS {failure}");
        }

        Console.WriteLine(OpenBlasCheck.Failures.Count == 0
            ? $"OpenBLAS: {OpenBlasLibrary.Describe()}; sgemm, dgemm, sgemv and dgemv agree with Naive on small cases."
            : "OpenBLAS bindings disagree with Naive; refusing to time OpenBLAS (exit 2).");
        return OpenBlasCheck.Failures.Count == 0;
    }
}
