using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Benchmarks.Provenance;

namespace DenseLinear.Benchmarks.Running;

/// <summary>
/// Runs the suites through <see cref="BenchmarkSwitcher"/>: full by default, <c>--quick</c> for the smoke, <c>--medium</c>
/// for every suite in-process. <c>--openblas-core fastest|environment|NAME</c> says which OpenBLAS core the rows
/// anchor on (<see cref="OpenBlasSelection"/>; the fastest by default). Prints the <see cref="RunInfo"/> first and
/// writes it beside the reports afterwards.
/// </summary>
public static class RunCommand
{
    public const string QuickFlag = "--quick";

    public const string MediumFlag = "--medium";

    public static int Run(string[] args)
    {
        bool quick = args.Contains(QuickFlag);
        bool medium = args.Contains(MediumFlag);
        List<string> switcherArgs = [.. args.Where(a => a is not (QuickFlag or MediumFlag))];
        int ruleAt = switcherArgs.IndexOf(OpenBlasSelection.Option);
        string rule = OpenBlasChoice.Fastest;
        if (ruleAt >= 0)
        {
            if (ruleAt + 1 >= switcherArgs.Count)
            {
                Console.Error.WriteLine($"{OpenBlasSelection.Option} takes {OpenBlasChoice.Fastest}, {OpenBlasChoice.AsEnvironment} or a core's name ({string.Join(", ", OpenBlasCore.Known.Select(c => c.Name))}).");
                return 2;
            }

            rule = switcherArgs[ruleAt + 1];
            switcherArgs.RemoveRange(ruleAt, 2);
        }

        // Without a filter the switcher asks on the console; CI has no console, so the default is everything.
        if (!switcherArgs.Contains("--filter") && !switcherArgs.Contains("-f"))
        {
            switcherArgs.AddRange(["--filter", "*"]);
        }

        // Before anything loads OpenBLAS: it reads its core from the environment once, when it loads.
        OpenBlasChoice choice = OpenBlasSelection.Choose(rule);
        RunInfo info = RunInfo.Capture(choice);
        Console.WriteLine($"Run info: {info.Describe()}");
        if (info.OpenBlasWarning is { } warning)
        {
            Console.WriteLine($"WARNING: {warning}.");
        }

        if (OpenBlasSelection.ExpectedCore(choice) is { } expected && info.OpenBlasCore is { } loaded
            && !string.Equals(expected, loaded, StringComparison.OrdinalIgnoreCase))
        {
            Console.WriteLine($"ERROR: OpenBLAS loaded {loaded}, not the chosen {expected} (exit 2).");
            return 2;
        }

        if (!ReportOpenBlas())
        {
            return 2;
        }

        IConfig config = quick ? BenchmarkConfigs.Quick() : medium ? BenchmarkConfigs.Medium() : BenchmarkConfigs.Full();
        Summary[] summaries = [.. BenchmarkSwitcher.FromAssembly(typeof(RunCommand).Assembly).Run([.. switcherArgs], config)];

        // Each summary knows where its reports went (--artifacts moves them), so the record lands beside them.
        foreach (string directory in summaries.Select(s => s.ResultsDirectoryPath).Distinct(StringComparer.Ordinal))
        {
            Console.WriteLine($"Run info: wrote {RunInfoFile.Write(directory, info)}");
        }

        bool onlyListed = switcherArgs.Any(a => a is "--list" or "--help" or "-h" or "--info" or "--version");
        bool failed = (summaries.Length == 0 && !onlyListed)
            || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
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

        IReadOnlyList<string> failures = OpenBlasCheck.Failures;
        foreach (string failure in failures)
        {
            Console.WriteLine($"ERROR: OpenBLAS {failure}");
        }

        Console.WriteLine(failures.Count == 0
            ? $"OpenBLAS: {OpenBlasLibrary.Describe()}; sgemm, dgemm, sgemv and dgemv agree with Naive on small cases."
            : "OpenBLAS bindings disagree with Naive; refusing to time OpenBLAS (exit 2).");
        return failures.Count == 0;
    }
}
