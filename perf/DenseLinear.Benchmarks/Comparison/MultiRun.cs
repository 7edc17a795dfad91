namespace DenseLinear.Benchmarks.Comparison;

/// <summary>
/// Several runs of the same suites, for noise: each run is ratioed on its own (same-run ratios), then the same case
/// is paired across runs and summarised by its median. Pure; no files.
/// </summary>
public static class MultiRun
{
    /// <summary>Reads each path as one run (<see cref="FullJsonReader.ReadPath"/>).</summary>
    public static IReadOnlyList<IReadOnlyList<BenchmarkRecord>> Read(IReadOnlyList<string> paths) =>
        paths.Count > 0 ? [.. paths.Select(FullJsonReader.ReadPath)] : throw new ArgumentException("No input given.");

    /// <summary>Every ratio any run has: the median of the per-run ratios, not the ratio of median times.</summary>
    public static IReadOnlyDictionary<RatioKey, RatioSpread> Ratios(IEnumerable<IEnumerable<BenchmarkRecord>> runs) =>
        runs.SelectMany(SameRunRatios.Compute)
            .GroupBy(p => p.Key, p => p.Value)
            .ToDictionary(g => g.Key, g => new RatioSpread(Median([.. g]), g.Min(), g.Max(), g.Count()));

    /// <summary><see cref="Ratios"/> reduced to the medians, what <see cref="RegressionComparer"/> judges.</summary>
    public static IReadOnlyDictionary<RatioKey, double> MedianRatios(IEnumerable<IEnumerable<BenchmarkRecord>> runs) =>
        Ratios(runs).ToDictionary(p => p.Key, p => p.Value.Median);

    /// <summary>One record per case, in first-seen order, with the median of the runs' mean times.</summary>
    public static IReadOnlyList<BenchmarkRecord> MedianMeans(IEnumerable<IEnumerable<BenchmarkRecord>> runs) =>
        [.. runs.SelectMany(r => r)
            .GroupBy(r => (r.Product, r.Row))
            .Select(g => g.First() with { MeanNanoseconds = Median([.. g.Select(r => r.MeanNanoseconds)]) })];

    /// <summary>The middle value; the mean of the two middle ones for an even count.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
