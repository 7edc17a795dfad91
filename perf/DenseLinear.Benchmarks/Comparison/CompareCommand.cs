using System.Globalization;
using DenseLinear.Benchmarks.Cli;

namespace DenseLinear.Benchmarks.Comparison;

/// <summary>
/// <c>compare --baseline &lt;json-or-dir&gt; --current &lt;json-or-dir&gt; [--threshold 0.15]</c>: exit 1 on a
/// regression, 2 on bad input. Either option may be repeated,
/// one per run: the side is then judged on the median of its runs' same-run ratios.
/// </summary>
public static class CompareCommand
{
    public static int Run(IEnumerable<string> args)
    {
        try
        {
            var options = new CommandOptions(args);
            double threshold = options.Number("--threshold", RegressionComparer.DefaultThreshold);
            ComparisonResult result = RegressionComparer.Compare(
                MultiRun.MedianRatios(MultiRun.Read(options.All("--baseline"))),
                MultiRun.MedianRatios(MultiRun.Read(options.All("--current"))),
                threshold);
            return Print(result, threshold);
        }
        catch (Exception e) when (e is ArgumentException or IOException or System.Text.Json.JsonException or FormatException)
        {
            Console.Error.WriteLine($"compare: {e.Message}");
            Console.Error.WriteLine("usage: compare --baseline <json-or-dir> [--baseline ...] --current <json-or-dir> [--current ...] [--threshold 0.15]");
            return 2;
        }
    }

    private static int Print(ComparisonResult result, double threshold)
    {
        foreach (RatioChange change in result.Changes)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{change.Verdict.ToString().ToLowerInvariant(),-7} {change.Key}: {change.Baseline:F3} -> {change.Current:F3} ({change.Change:+0.0%;-0.0%})"));
        }

        foreach (RatioKey key in result.OnlyInBaseline)
        {
            Console.WriteLine($"gone    {key}: in the baseline only");
        }

        foreach (RatioKey key in result.OnlyInCurrent)
        {
            Console.WriteLine($"new     {key}: in the current run only");
        }

        int slower = result.Changes.Count(c => c.Verdict == Verdict.Slower);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Changes.Count} ratios compared at ±{threshold:0.##%}: {result.Changes.Count(c => c.Verdict == Verdict.Faster)} faster, {result.Changes.Count(c => c.Verdict == Verdict.Same)} same, {slower} slower."));
        if (result.Changes.Count == 0)
        {
            Console.Error.WriteLine("compare: the two runs share no ratio; check the paths.");
            return 2;
        }

        return result.HasRegression ? 1 : 0;
    }
}
