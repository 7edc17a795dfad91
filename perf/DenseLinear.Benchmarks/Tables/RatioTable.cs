using System.Globalization;
using System.Text;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.Tables;

/// <summary>
/// A markdown table of every measured row with its same-run speeds against the naive loop and OpenBLAS on one thread
/// (reference time over row time, above 1 is faster). Over several runs each speed cell is the median of the per-run
/// ratios with their range, and Mean is the median of the runs' means.
/// </summary>
public static class RatioTable
{
    /// <summary>The table, under a line naming <paramref name="provenance"/> (CPU, OpenBLAS core) and the runs.</summary>
    public static string Render(IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs, string provenance)
    {
        IReadOnlyDictionary<RatioKey, RatioSpread> ratios = MultiRun.Ratios(runs);
        var text = new StringBuilder();
        text.AppendLine(runs.Count == 1
            ? $"{provenance}. One run. Speed = reference time ÷ row time in the same run (above 1 is faster)."
            : $"{provenance}. Median of {runs.Count} runs: each speed (reference time ÷ row time in the same run, above 1 is faster) is the median of the per-run speeds, (min–max) over the runs; Mean is the median of the runs' means.");
        text.AppendLine();
        text.AppendLine("| Suite | Shape (m×k×n) | Layout | Row | Mean | GFLOP/s | ×Naive | ×OpenBLAS-1T |");
        text.AppendLine("|---|---|---|---|---:|---:|---:|---:|");
        foreach (BenchmarkRecord r in MultiRun.MedianMeans(runs))
        {
            string gflops = MatMulShape.TryParse(r.Shape, out MatMulShape shape)
                ? (shape.Flops / r.MeanNanoseconds).ToString("F2", CultureInfo.InvariantCulture)
                : "?";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Suite} | {r.Shape.Replace('x', '×')} | {r.Layout} | {r.Row} | {Time(r.MeanNanoseconds)} | {gflops} | {Speed(ratios, r, RowNames.Naive, runs.Count)} | {Speed(ratios, r, RowNames.OpenBlasSingleThread, runs.Count)} |");
        }

        return text.ToString();
    }

    private static string Speed(IReadOnlyDictionary<RatioKey, RatioSpread> ratios, BenchmarkRecord r, string reference, int runs) =>
        r.Row == reference ? "1" : ratios.TryGetValue(new RatioKey(r.Product, r.Row, reference), out RatioSpread ratio)
            ? ratio.AsSpeed().Format(runs)
            : "–";

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => (nanoseconds / 1e9).ToString("F2", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (nanoseconds / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (nanoseconds / 1e3).ToString("F2", CultureInfo.InvariantCulture) + " µs",
        _ => nanoseconds.ToString("F0", CultureInfo.InvariantCulture) + " ns",
    };
}
