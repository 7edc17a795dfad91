using System.Globalization;
using System.Text;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Suites;
using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.Tables;

/// <summary>
/// The README's table: one line per product, each cell a speed, the reference row's time over the row's time in the
/// same run (above 1 is faster): single-thread rows against OpenBLAS on one thread, two-thread rows against OpenBLAS
/// on two, Packed against the naive loop, and Packed's GFLOP/s as a share of the measured FMA peak. Over several runs
/// a cell is the median of the per-run speeds with their range.
/// </summary>
public static class SpeedTable
{
    private static readonly string Packed = PackedKernel<float>.Instance.Name;
    private static readonly string Parallel = ParallelKernel<float>.Instance.Name;

    private static readonly (string Heading, string Row, string Reference)[] Columns =
    [
        ("Packed", Packed, RowNames.OpenBlasSingleThread),
        ("Packed, pre-packed", Packed + PrePackedRow<float>.Suffix, RowNames.OpenBlasSingleThread),
        ("TensorPrimitives", TensorPrimitivesKernel<float>.Instance.Name, RowNames.OpenBlasSingleThread),
        ("Parallel ÷ OpenBLAS-2T", Parallel, RowNames.OpenBlasTwoThreads),
        ("Parallel, pre-packed ÷ OpenBLAS-2T", Parallel + PrePackedRow<float>.Suffix, RowNames.OpenBlasTwoThreads),
        ("Layer ÷ OpenBLAS-2T", RowNames.Layer, RowNames.OpenBlasTwoThreads),
        ("Packed ÷ naive", Packed, RowNames.Naive),
    ];

    /// <summary>The table under a line naming <paramref name="provenance"/>; <paramref name="peak"/> in GFLOP/s, or null for no share column.</summary>
    public static string Render(IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs, string provenance, double? peak)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{provenance}. Speed = reference time ÷ row time in the same run (above 1× is faster); {(runs.Count == 1 ? "one run" : $"median of {runs.Count} runs (min–max)")}.");
        text.AppendLine();
        text.Append("| product (m×k×n) | layout | OpenBLAS-1T GFLOP/s |");
        text.AppendJoin("", Columns.Select(c => $" {c.Heading} |"));
        text.AppendLine(peak is null ? "" : " Packed, % of peak |");
        text.Append("|---|---|---:|").Append(string.Concat(Enumerable.Repeat("---:|", Columns.Length + (peak is null ? 0 : 1)))).AppendLine();
        var byRun = runs.Select(run => run.ToDictionary(r => (r.Product, r.Row), r => r.MeanNanoseconds)).ToList();
        List<BenchmarkRecord> products = [.. MultiRun.MedianMeans(runs).Where(r => r.Row == RowNames.OpenBlasSingleThread)];
        List<string> suites = [.. products.Select(p => p.Suite).Distinct()];
        foreach (BenchmarkRecord product in products.OrderBy(p => suites.IndexOf(p.Suite)).ThenBy(p => MatMulShape.TryParse(p.Shape, out MatMulShape s) ? s.Flops : 0).ThenBy(p => p.Layout, StringComparer.Ordinal))
        {
            bool isDouble = product.Suite.Contains("Double", StringComparison.Ordinal);
            string shape = product.Shape.Replace('x', '×') + (isDouble ? " (double)" : "");
            text.Append(CultureInfo.InvariantCulture, $"| {shape} | {product.Layout} | {Gflops(product.Shape, product.MeanNanoseconds):F0} |");
            foreach ((_, string row, string reference) in Columns)
            {
                text.Append(' ').Append(Format(byRun.Select(run => Speed(run, product.Product, row, reference)))).Append(" |");
            }

            if (peak is { } gflops)
            {
                IEnumerable<double?> shares = byRun.Select(run => run.TryGetValue((product.Product, Packed), out double t) ? Gflops(product.Shape, t) / gflops * 100 : (double?)null);
                text.Append(' ').Append(isDouble ? "–" : Format(shares, "F0", " %")).Append(" |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static double? Speed(Dictionary<(string, string), double> run, string product, string row, string reference) =>
        run.TryGetValue((product, row), out double time) && run.TryGetValue((product, reference), out double referenceTime) && time > 0
            ? referenceTime / time
            : null;

    private static double Gflops(string shape, double nanoseconds) =>
        MatMulShape.TryParse(shape, out MatMulShape parsed) ? parsed.Flops / nanoseconds : double.NaN;

    private static string Format(IEnumerable<double?> values, string format = "F2", string unit = "×")
    {
        double[] present = [.. values.OfType<double>()];
        if (present.Length == 0)
        {
            return "–";
        }

        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return present.Length == 1 ? F(present[0]) + unit : $"{F(MultiRun.Median(present))}{unit} ({F(present.Min())}–{F(present.Max())})";
    }
}
