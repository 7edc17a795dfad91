using DenseLinear.Benchmarks.Rows;

namespace DenseLinear.Benchmarks.Comparison;

/// <summary>Pure comparison of two runs' same-run ratios; no files, no console.</summary>
public static class RegressionComparer
{
    public const double DefaultThreshold = 0.15;

    /// <summary>Only DenseLinear's own rows get a verdict; the peers (OpenBLAS, libtorch) are yardsticks, not subjects.</summary>
    public static bool IsJudged(RatioKey key) => !RowNames.IsPeer(key.Row);

    public static ComparisonResult Compare(
        IEnumerable<BenchmarkRecord> baseline, IEnumerable<BenchmarkRecord> current, double threshold = DefaultThreshold) =>
        Compare(SameRunRatios.Compute(baseline), SameRunRatios.Compute(current), threshold);

    /// <summary>The same on ratios already computed, e.g. <see cref="MultiRun.MedianRatios"/> over several runs.</summary>
    public static ComparisonResult Compare(
        IReadOnlyDictionary<RatioKey, double> baseline, IReadOnlyDictionary<RatioKey, double> current, double threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        Dictionary<RatioKey, double> before = baseline.Where(p => IsJudged(p.Key)).ToDictionary();
        Dictionary<RatioKey, double> after = current.Where(p => IsJudged(p.Key)).ToDictionary();
        IEnumerable<RatioKey> Sorted(IEnumerable<RatioKey> keys) => keys.OrderBy(k => k.ToString(), StringComparer.Ordinal);
        return new ComparisonResult(
            [.. Sorted(before.Keys.Where(after.ContainsKey))
                .Select(k => new RatioChange(k, before[k], after[k], Judge(before[k], after[k], threshold)))],
            [.. Sorted(before.Keys.Where(k => !after.ContainsKey(k)))],
            [.. Sorted(after.Keys.Where(k => !before.ContainsKey(k)))]);
    }

    /// <summary>Slower past +threshold, faster past −threshold, same in between.</summary>
    public static Verdict Judge(double baselineRatio, double currentRatio, double threshold)
    {
        double change = (currentRatio / baselineRatio) - 1.0;
        return change > threshold ? Verdict.Slower : change < -threshold ? Verdict.Faster : Verdict.Same;
    }
}
