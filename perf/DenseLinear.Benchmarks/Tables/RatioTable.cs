using System.Globalization;
using System.Text;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.Tables;

/// <summary>A markdown table of every measured row with its same-run ratios, for the README.</summary>
public static class RatioTable
{
    public static string Render(IReadOnlyList<BenchmarkRecord> records)
    {
        IReadOnlyDictionary<RatioKey, double> ratios = SameRunRatios.Compute(records);
        var text = new StringBuilder();
        text.AppendLine("| Suite | Shape (m×k×n) | Layout | Row | Mean | GFLOP/s | ÷Naive | ÷OpenBLAS-1T |");
        text.AppendLine("|---|---|---|---|---:|---:|---:|---:|");
        foreach (BenchmarkRecord r in records)
        {
            string gflops = MatMulShape.TryParse(r.Shape, out MatMulShape shape)
                ? (shape.Flops / r.MeanNanoseconds).ToString("F2", CultureInfo.InvariantCulture)
                : "?";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Suite} | {r.Shape.Replace('x', '×')} | {r.Layout} | {r.Row} | {Time(r.MeanNanoseconds)} | {gflops} | {Ratio(ratios, r, RowNames.Naive)} | {Ratio(ratios, r, RowNames.OpenBlasSingleThread)} |");
        }

        return text.ToString();
    }

    private static string Ratio(IReadOnlyDictionary<RatioKey, double> ratios, BenchmarkRecord r, string reference) =>
        r.Row == reference ? "1" : ratios.TryGetValue(new RatioKey(r.Product, r.Row, reference), out double ratio)
            ? ratio.ToString("F3", CultureInfo.InvariantCulture)
            : "–";

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => (nanoseconds / 1e9).ToString("F2", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (nanoseconds / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (nanoseconds / 1e3).ToString("F2", CultureInfo.InvariantCulture) + " µs",
        _ => nanoseconds.ToString("F0", CultureInfo.InvariantCulture) + " ns",
    };
}
