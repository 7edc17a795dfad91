using System.CommandLine;
using System.Globalization;
using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Provenance;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Suites;
using ScottPlot;

namespace DenseLinear.Benchmarks.Charts;

/// <summary>
/// <c>chart</c>: GFLOP/s against n for the square float32 products (<see cref="Render"/>), as SVG (or PNG, by the
/// output's extension). The line is <c>--peak</c>, or the median of the <see cref="PeakCommand.FileName"/> files beside
/// the inputs; with neither the chart is refused rather than drawn against a number from another machine.
/// </summary>
public static class ChartCommand
{
    private const int Width = 1100, Height = 720;

    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];

    public static Command Create()
    {
        Option<string[]> input = CliOptions.PerRun(
            "--input", "A results folder or *-report-full.json; once per run, each point the median of the runs' mean times.");
        Option<string?> output = CliOptions.Last<string?>("--output", "The .svg (or .png) to write.", null);
        output.Required = true;
        Option<double?> peak = CliOptions.Last<double?>(
            "--peak", $"The line, in GFLOP/s; by default the median of the inputs' {PeakCommand.FileName}.", null);
        var command = new Command("chart", "Draws GFLOP/s against n for the square float32 products, with the FMA peak as a line.")
        {
            input, output, peak,
        };
        command.SetCheckedAction(r =>
        {
            string[] inputs = r.GetRequiredValue(input);
            PeakReading line = r.GetValue(peak) is { } given ? new PeakReading(given, null)
                : PeakCommand.TryReadMedian(inputs)
                    ?? throw new ArgumentException(
                        $"No --peak and no {PeakCommand.FileName} beside {string.Join(", ", inputs)}; run 'peak' first (perf/bench.sh peak).");
            if (!(line.Gflops > 0 && double.IsFinite(line.Gflops)))
            {
                throw new ArgumentException($"--peak must be a positive number of GFLOP/s; got {line.Gflops}.");
            }

            IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs = MultiRun.Read(inputs);
            string caption = RunLabel.Summarize(inputs) + (runs.Count == 1 ? "; one run" : $"; median of {runs.Count} runs");
            Plot plot = Render(MultiRun.MedianMeans(runs), line, caption);
            string path = r.GetRequiredValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            _ = path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? plot.SavePng(path, Width, Height) : plot.SaveSvg(path, Width, Height);
            Console.WriteLine($"chart: wrote {path} (peak line {line.Gflops:F1} GFLOP/s, {line.Width ?? "width unknown"}; {caption})");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// One line per row and layout (InOut with filled circles, OutIn thinner with open squares: the SVG canvas draws no
    /// dashes), with the single-core peak as a horizontal line. The x axis is log₂ n because the sizes double. The
    /// caption under the title names the CPU, the OpenBLAS core and the runs, so the picture never travels without them.
    /// </summary>
    public static Plot Render(IEnumerable<BenchmarkRecord> records, PeakReading peak, string caption)
    {
        var points = records
            .Select(r => (Record: r, Parsed: MatMulShape.TryParse(r.Shape, out MatMulShape s), Shape: s))
            .Where(p => p.Parsed && p.Record.Suite == nameof(SquareMatMul) && p.Shape.IsSquare && p.Record.MeanNanoseconds > 0)
            .Select(p => (p.Record.Row, p.Record.Layout, Size: p.Shape.M, Gflops: p.Shape.Flops / p.Record.MeanNanoseconds))
            .ToList();
        if (points.Count == 0)
        {
            throw new ArgumentException($"No {nameof(SquareMatMul)} results to chart.");
        }

        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title($"DenseLinear float32 n×n·n×n, single call throughput\n{Wrap(caption, 100)}", 12);
        plot.XLabel("n (log scale)", 12);
        plot.YLabel("GFLOP/s", 12);
        int[] sizes = [.. points.Select(p => p.Size).Distinct().Order()];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. sizes.Select(s => Math.Log2(s))], [.. sizes.Select(s => s.ToString(CultureInfo.InvariantCulture))]);
        List<string> rows = [.. points.Select(p => p.Row).Distinct()], kernels = [.. rows.Where(r => !RowNames.IsPeer(r))];
        var ordered = points.GroupBy(p => (p.Row, p.Layout)).OrderBy(g => rows.IndexOf(g.Key.Row)).ThenBy(g => g.Key.Layout, StringComparer.Ordinal);
        foreach (var series in ordered.Select(g => g.OrderBy(p => p.Size).ToList()))
        {
            (string row, string layout) = (series[0].Row, series[0].Layout);
            double[] xs = [.. series.Select(p => Math.Log2(p.Size))], ys = [.. series.Select(p => p.Gflops)];
            var line = plot.Add.Scatter(xs, ys, ColorOf(row, kernels));
            line.LegendText = $"{row} ({layout})";
            bool outIn = layout == nameof(WeightLayout.OutIn);
            line.LineWidth = outIn ? 1 : 2;
            line.MarkerShape = outIn ? MarkerShape.OpenSquare : MarkerShape.FilledCircle;
        }

        var ceiling = plot.Add.HorizontalLine(peak.Gflops, 1.5f, Color.FromHex("#d62728"));
        ceiling.LegendText = $"single-core {peak.Width ?? "(width unknown)"} FMA ceiling (measured) {peak.Gflops:0.#} GFLOP/s";

        // Half a doubling of margin on each side keeps the end points off the axes.
        plot.Axes.SetLimits(Math.Log2(sizes[0]) - 0.5, Math.Log2(sizes[^1]) + 0.5, 0, Math.Max(peak.Gflops, points.Max(p => p.Gflops)) * 1.08);
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 10;
        return plot;
    }

    /// <summary>The peers as yardsticks: OpenBLAS in black and grey, libtorch in red and pink; DenseLinear's rows in the palette.</summary>
    private static Color ColorOf(string row, List<string> kernels) => Color.FromHex(row switch
    {
        RowNames.OpenBlasSingleThread => "#000000",
        RowNames.OpenBlasTwoThreads => "#8c8c8c",
        RowNames.LibTorchSingleThread => "#d62728",
        RowNames.LibTorchTwoThreads => "#ff9896",
        _ => Palette[kernels.IndexOf(row) % Palette.Length],
    });

    /// <summary>Breaks <paramref name="text"/> at the last space before every <paramref name="width"/> characters.</summary>
    private static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        while (text.Length > width)
        {
            int cut = text.LastIndexOf(' ', width);
            lines.Add(text[..(cut > 0 ? cut : width)]);
            text = text[(cut > 0 ? cut + 1 : width)..];
        }

        return string.Join('\n', [.. lines, text]);
    }
}
