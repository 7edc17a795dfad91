using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DenseLinear.Benchmarks.OpenBlas;

namespace DenseLinear.Benchmarks.Running;

/// <summary>Runs the suites through <see cref="BenchmarkSwitcher"/>: full by default, <c>--quick</c> for the smoke, <c>--medium</c> for every suite in-process.</summary>
public static class RunCommand
{
    public const string QuickFlag = "--quick";

    public const string MediumFlag = "--medium";

    public static int Run(string[] args)
    {
        bool quick = args.Contains(QuickFlag);
        bool medium = args.Contains(MediumFlag);
        List<string> switcherArgs = [.. args.Where(a => a is not (QuickFlag or MediumFlag))];

        // Without a filter the switcher asks on the console; CI has no console, so the default is everything.
        if (!switcherArgs.Contains("--filter") && !switcherArgs.Contains("-f"))
        {
            switcherArgs.AddRange(["--filter", "*"]);
        }

        if (!ReportOpenBlas())
        {
            return 2;
        }

        IConfig config = quick ? BenchmarkConfigs.Quick() : medium ? BenchmarkConfigs.Medium() : BenchmarkConfigs.Full();
        Summary[] summaries = [.. BenchmarkSwitcher.FromAssembly(typeof(RunCommand).Assembly).Run([.. switcherArgs], config)];
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
