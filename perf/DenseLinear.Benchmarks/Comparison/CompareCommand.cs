using System.CommandLine;
using System.Globalization;
using DenseLinear.Benchmarks.Cli;

namespace DenseLinear.Benchmarks.Comparison;

/// <summary><c>compare</c>: this run's same-run ratios against a baseline's; exit 1 on a regression, 2 on bad input.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        Option<string[]> baseline = CliOptions.PerRun(
            "--baseline", "A *-report-full.json or a folder of them; once per run, judged on the median of the runs' ratios.");
        Option<string[]> current = CliOptions.PerRun("--current", "The same for the run being judged.");
        Option<double> threshold = CliOptions.Last(
            "--threshold", "A ratio moved by more than this is slower or faster.", RegressionComparer.DefaultThreshold);
        var command = new Command("compare", "Compares same-run ratios with a baseline: exit 1 on a regression, 2 on bad input.")
        {
            baseline, current, threshold,
        };
        command.SetCheckedAction(r => Print(
            RegressionComparer.Compare(
                MultiRun.MedianRatios(MultiRun.Read(r.GetRequiredValue(baseline))),
                MultiRun.MedianRatios(MultiRun.Read(r.GetRequiredValue(current))),
                r.GetValue(threshold)),
            r.GetValue(threshold)));
        return command;
    }

    private static int Print(ComparisonResult result, double threshold)
    {
        int Count(Verdict verdict) => result.Changes.Count(c => c.Verdict == verdict);
        string summary = string.Create(CultureInfo.InvariantCulture, $"{result.Changes.Count} ratios compared at ±{threshold:0.##%}: ")
            + $"{Count(Verdict.Faster)} faster, {Count(Verdict.Same)} same, {Count(Verdict.Slower)} slower.";
        IEnumerable<string> lines = result.Changes
            .Select(c => FormattableString.Invariant(
                $"{c.Verdict.ToString().ToLowerInvariant(),-7} {c.Key}: {c.Baseline:F3} -> {c.Current:F3} ({c.Change:+0.0%;-0.0%})"))
            .Concat(result.OnlyInBaseline.Select(key => $"gone    {key}: in the baseline only"))
            .Concat(result.OnlyInCurrent.Select(key => $"new     {key}: in the current run only"));
        foreach (string line in lines.Append(summary))
        {
            Console.WriteLine(line);
        }

        if (result.Changes.Count == 0)
        {
            Console.Error.WriteLine("compare: the two runs share no ratio; check the paths.");
            return CliOptions.BadInput;
        }

        return result.HasRegression ? 1 : 0;
    }
}
