using System.Globalization;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.Charts;

/// <summary>
/// GFLOP/s against n for the square float32 products, one line per row and layout (InOut solid, OutIn dashed),
/// with the single-core peak as a horizontal line. The x axis is log₂ n because the sizes double. The caption under
/// the title names the CPU, the OpenBLAS core and the runs, so the picture never travels without them.
/// </summary>
public static class GflopsChart
{
    private const double Width = 960, Height = 560, Left = 70, Right = 250, Top = 50, Bottom = 60;

    private static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];

    public static string Render(IEnumerable<BenchmarkRecord> records, PeakReading peak, string caption)
    {
        var points = records
            .Where(r => r.Suite == nameof(SquareMatMul) && MatMulShape.TryParse(r.Shape, out MatMulShape s) && s.IsSquare && r.MeanNanoseconds > 0)
            .Select(r =>
            {
                MatMulShape.TryParse(r.Shape, out MatMulShape s);
                return (Series: $"{r.Row} ({r.Layout})", r.Row, r.Layout, Size: s.M, Gflops: s.Flops / r.MeanNanoseconds);
            })
            .ToList();
        if (points.Count == 0)
        {
            throw new ArgumentException($"No {nameof(SquareMatMul)} results to chart.");
        }

        double minLog = Math.Log2(points.Min(p => p.Size)), maxLog = Math.Log2(points.Max(p => p.Size));

        // Half a doubling of margin on each side keeps the end points off the axes.
        minLog -= 0.5;
        maxLog += 0.5;

        double peakGflops = peak.Gflops;
        double yMax = NiceCeiling(Math.Max(peakGflops, points.Max(p => p.Gflops)) * 1.08);
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(int size) => Left + ((Math.Log2(size) - minLog) / (maxLog - minLog) * plotW);
        double Y(double g) => Top + plotH - (g / yMax * plotH);

        var svg = new SvgWriter(Width, Height);
        svg.Rect(0, 0, Width, Height, "white");
        svg.Text(Left, 24, "DenseLinear float32 n×n·n×n, single call throughput", 16);
        svg.Text(Left, 42, caption, 11, fill: "#555");
        for (int i = 0; i <= 5; i++)
        {
            double g = yMax * i / 5;
            svg.Line(Left, Y(g), Left + plotW, Y(g), "#e5e5e5");
            svg.Text(Left - 8, Y(g) + 4, g.ToString("0.#", CultureInfo.InvariantCulture), 11, "end");
        }

        foreach (int size in points.Select(p => p.Size).Distinct().Order())
        {
            svg.Line(X(size), Top, X(size), Top + plotH, "#f0f0f0");
            svg.Text(X(size), Top + plotH + 18, size.ToString(CultureInfo.InvariantCulture), 11, "middle");
        }

        svg.Line(Left, Top + plotH, Left + plotW, Top + plotH, "#444");
        svg.Line(Left, Top, Left, Top + plotH, "#444");
        svg.Text(Left + (plotW / 2), Height - 15, "n (log scale)", 12, "middle");
        svg.Text(20, Top + (plotH / 2), "GFLOP/s", 12, "middle", rotate: -90);

        svg.Line(Left, Y(peakGflops), Left + plotW, Y(peakGflops), "#d62728", 1.5, "8 4");
        svg.Text(Left + plotW - 4, Y(peakGflops) - 6, $"single-core {peak.Width ?? "(width unknown)"} FMA ceiling (measured) {peakGflops.ToString("0.#", CultureInfo.InvariantCulture)} GFLOP/s", 11, "end", "#d62728");

        var rows = points.Select(p => p.Row).Distinct().ToList();
        int legendLine = 0;
        foreach (var series in points.GroupBy(p => p.Series).OrderBy(g => rows.IndexOf(g.First().Row)).ThenBy(g => g.First().Layout, StringComparer.Ordinal))
        {
            string color = ColorOf(series.First().Row, rows);
            string? dash = series.First().Layout == nameof(WeightLayout.OutIn) ? "6 3" : null;
            var ordered = series.OrderBy(p => p.Size).Select(p => (X(p.Size), Y(p.Gflops))).ToList();
            svg.Polyline(ordered, color, 2, dash);
            foreach ((double x, double y) in ordered)
            {
                svg.Circle(x, y, 3, color);
            }

            double ly = Top + 10 + (legendLine++ * 18);
            svg.Line(Width - Right + 20, ly, Width - Right + 50, ly, color, 2, dash);
            svg.Text(Width - Right + 56, ly + 4, series.Key, 11);
        }

        return svg.ToString();
    }

    /// <summary>The peers as yardsticks: OpenBLAS in black and grey, libtorch in red and pink; DenseLinear's rows in the palette.</summary>
    private static string ColorOf(string row, List<string> rows) => row switch
    {
        RowNames.OpenBlasSingleThread => "#000000",
        RowNames.OpenBlasTwoThreads => "#8c8c8c",
        RowNames.LibTorchSingleThread => "#d62728",
        RowNames.LibTorchTwoThreads => "#ff9896",
        _ => Palette[rows.Where(r => !RowNames.IsPeer(r)).ToList().IndexOf(row) % Palette.Length],
    };

    private static double NiceCeiling(double value)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        double[] steps = [1, 2, 2.5, 5, 10];
        return steps.Select(s => s * magnitude).First(v => v >= value);
    }
}
