using System.Globalization;
using System.Text;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Suites;
using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.Tables;

/// <summary>
/// The README's table: one line per product, each cell a speed, the reference's time over the row's time in the same
/// run (above 1 is faster). The reference of a single-thread row is the fastest single-thread peer on that product in
/// that run (OpenBLAS or libtorch, whichever is faster), of a two-thread row the fastest two-thread peer, and of
/// "Packed ÷ naive" the naive loop; the last column is Packed's GFLOP/s as a share of the measured FMA peak. Over
/// several runs a cell is the median of the per-run speeds with their range.
/// </summary>
public static class SpeedTable
{
    private static readonly string Packed = PackedKernel<float>.Instance.Name;
    private static readonly string Parallel = ParallelKernel<float>.Instance.Name;
    private static readonly string[] NaiveOnly = [RowNames.Naive];

    private static readonly (string Heading, string Row, IReadOnlyList<string> References)[] Columns =
    [
        ("Packed", Packed, RowNames.SingleThreadPeers),
        ("Packed, pre-packed", Packed + PrePackedRow<float>.Suffix, RowNames.SingleThreadPeers),
        ("TensorPrimitives", TensorPrimitivesKernel<float>.Instance.Name, RowNames.SingleThreadPeers),
        ("Parallel ÷ best 2T", Parallel, RowNames.TwoThreadPeers),
        ("Parallel, pre-packed ÷ best 2T", Parallel + PrePackedRow<float>.Suffix, RowNames.TwoThreadPeers),
        ("Layer ÷ best 2T", RowNames.Layer, RowNames.TwoThreadPeers),
        ("Packed ÷ naive", Packed, NaiveOnly),
    ];

    /// <summary>
    /// The table under a line naming <paramref name="provenance"/>; <paramref name="peak"/> in GFLOP/s, or null for no
    /// share column.
    /// </summary>
    public static string Render(IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs, string provenance, double? peak)
    {
        string over = runs.Count == 1 ? "one run" : $"median of {runs.Count} runs (min–max)";
        var text = new StringBuilder().Append($"{provenance}. Speed = time of the fastest peer (1T or 2T as the column says) ÷ row time ")
            .AppendLine($"in the same run (above 1× is faster); {over}.").AppendLine();
        text.Append("| product (m×k×n) | layout | best 1T peer, GFLOP/s | best 2T peer, GFLOP/s |");
        text.AppendJoin("", Columns.Select(c => $" {c.Heading} |"));
        text.AppendLine(peak is null ? "" : " Packed, % of peak |");
        text.Append("|---|---|---|---|").Append(string.Concat(Enumerable.Repeat("---:|", Columns.Length + (peak is null ? 0 : 1)))).AppendLine();
        var byRun = runs.Select(run => run.ToDictionary(r => (r.Product, r.Row), r => r.MeanNanoseconds)).ToList();
        List<BenchmarkRecord> medians = [.. MultiRun.MedianMeans(runs)];
        IEnumerable<BenchmarkRecord> products = medians.Where(r => RowNames.SingleThreadPeers.Contains(r.Row)).DistinctBy(r => r.Product)
            .OrderBy(p => SuiteOrder(p.Suite)).ThenBy(p => Gflops(p.Shape, 1)).ThenBy(p => p.Layout, StringComparer.Ordinal);
        foreach (BenchmarkRecord product in products)
        {
            bool isDouble = product.Suite.Contains("Double", StringComparison.Ordinal);
            string shape = product.Shape.Replace('x', '×') + (isDouble ? " (double)" : "");
            text.Append($"| {shape} | {product.Layout} | {BestPeer(medians, product, RowNames.SingleThreadPeers)} | ")
                .Append($"{BestPeer(medians, product, RowNames.TwoThreadPeers)} |");
            foreach ((_, string row, IReadOnlyList<string> references) in Columns)
            {
                text.Append(' ').Append(Format(byRun.Select(run => Speed(run, product.Product, row, references)))).Append(" |");
            }

            if (peak is { } gflops)
            {
                IEnumerable<double?> shares = byRun.Select(run =>
                    run.TryGetValue((product.Product, Packed), out double t) ? Gflops(product.Shape, t) / gflops * 100 : (double?)null);
                text.Append(' ').Append(isDouble ? "–" : Format(shares, "F0", " %")).Append(" |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>Where a suite's products stand in the table: the squares, the layer shapes, the ragged product, then double.</summary>
    public static int SuiteOrder(string suite) =>
        Array.IndexOf([nameof(SquareMatMul), nameof(DenseLayerShapes), nameof(RaggedMatMul), nameof(SquareMatMulDouble)], suite) is var i and >= 0
            ? i
            : int.MaxValue;

    /// <summary><c>OpenBLAS 201</c>: the peer with the shortest median time on the product, and its rate; – when none ran.</summary>
    private static string BestPeer(List<BenchmarkRecord> medians, BenchmarkRecord product, IReadOnlyList<string> peers)
    {
        BenchmarkRecord? best = medians.Where(r => r.Product == product.Product && peers.Contains(r.Row) && r.MeanNanoseconds > 0)
            .MinBy(r => r.MeanNanoseconds);
        string? name = best?.Row[..best.Row.IndexOf('-', StringComparison.Ordinal)];
        return best is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{name} {Gflops(product.Shape, best.MeanNanoseconds):F0}");
    }

    /// <summary>The fastest reference present in the run over the row's time; null when either is missing.</summary>
    private static double? Speed(Dictionary<(string, string), double> run, string product, string row, IReadOnlyList<string> references)
    {
        double[] times = [.. references.Select(r => run.TryGetValue((product, r), out double t) ? t : 0).Where(t => t > 0)];
        return run.TryGetValue((product, row), out double time) && times.Length > 0 && time > 0 ? times.Min() / time : null;
    }

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
