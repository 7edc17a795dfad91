using System.CommandLine;
using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Provenance;
using ScottPlot;

namespace DenseLinear.Benchmarks.Charts;

/// <summary>
/// <c>chart</c>: <see cref="GflopsChart"/> as SVG (or PNG, by the output's extension). The line is <c>--peak</c>, or
/// the median of the <see cref="PeakCommand.FileName"/> files beside the inputs; with neither the chart is refused rather than drawn
/// against a number from another machine.
/// </summary>
public static class ChartCommand
{
    private const int Width = 1100, Height = 720;

    public static Command Create()
    {
        Option<string[]> input = CliOptions.PerRun("--input", "A results folder or *-report-full.json; once per run, each point the median of the runs' mean times.");
        Option<string?> output = CliOptions.Last<string?>("--output", "The .svg (or .png) to write.", null);
        output.Required = true;
        Option<double?> peak = CliOptions.Last<double?>("--peak", $"The line, in GFLOP/s; by default the median of the inputs' {PeakCommand.FileName}.", null);
        var command = new Command("chart", "Draws GFLOP/s against n for the square float32 products, with the FMA peak as a line.") { input, output, peak };
        command.SetCheckedAction(r =>
        {
            string[] inputs = r.GetRequiredValue(input);
            PeakReading line = r.GetValue(peak) is { } given ? new PeakReading(given, null)
                : PeakCommand.TryReadMedian(inputs) ?? throw new ArgumentException($"No --peak and no {PeakCommand.FileName} beside {string.Join(", ", inputs)}; run 'peak' first (perf/bench.sh peak).");
            if (!(line.Gflops > 0 && double.IsFinite(line.Gflops)))
            {
                throw new ArgumentException($"--peak must be a positive number of GFLOP/s; got {line.Gflops}.");
            }

            IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs = MultiRun.Read(inputs);
            string caption = RunLabel.Summarize(inputs) + (runs.Count == 1 ? "; one run" : $"; median of {runs.Count} runs");
            Plot plot = GflopsChart.Render(MultiRun.MedianMeans(runs), line, caption);
            string path = r.GetRequiredValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            _ = path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? plot.SavePng(path, Width, Height) : plot.SaveSvg(path, Width, Height);
            Console.WriteLine($"chart: wrote {path} (peak line {line.Gflops:F1} GFLOP/s, {line.Width ?? "width unknown"}; {caption})");
            return 0;
        });
        return command;
    }
}
