using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Provenance;

namespace DenseLinear.Benchmarks.Charts;

/// <summary>
/// <c>chart --input &lt;dir-or-json&gt; [--input ...] --output docs/perf.svg [--peak GFLOP/s]</c>. One <c>--input</c>
/// per run; over several, each point is the median of the runs' mean times. The horizontal line is the single-core
/// FMA peak: <c>--peak</c> when given, else the median of the <see cref="PeakFile"/>s that <c>peak</c> wrote beside
/// the inputs (perf/bench.sh medium, medium3 and full write them); with neither, the chart is refused rather than
/// drawn against a number from another machine.
/// </summary>
public static class ChartCommand
{
    public static int Run(IEnumerable<string> args)
    {
        try
        {
            var options = new CommandOptions(args);
            string output = options.Required("--output");
            IReadOnlyList<string> inputs = options.All("--input");
            PeakReading peak = options.Has("--peak") ? new PeakReading(options.Number("--peak", double.NaN), null) : StoredPeak(inputs);
            if (!(peak.Gflops > 0 && double.IsFinite(peak.Gflops)))
            {
                throw new ArgumentException($"--peak must be a positive number of GFLOP/s; got {peak.Gflops}.");
            }

            IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs = MultiRun.Read(inputs);
            string caption = RunLabel.Describe(inputs) + (runs.Count == 1 ? "; one run" : $"; median of {runs.Count} runs");
            string svg = GflopsChart.Render(MultiRun.MedianMeans(runs), peak, caption);
            if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(output, svg);
            Console.WriteLine($"chart: wrote {output} (peak line {peak.Gflops:F1} GFLOP/s, {peak.Width ?? "width unknown"}; {caption})");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or System.Text.Json.JsonException or FormatException)
        {
            Console.Error.WriteLine($"chart: {e.Message}");
            Console.Error.WriteLine("usage: chart --input <dir-or-json> [--input ...] --output <file.svg> [--peak <GFLOP/s>]");
            return 2;
        }
    }

    /// <summary>The median of the inputs' peak files; the width only when they all name the same one.</summary>
    private static PeakReading StoredPeak(IReadOnlyList<string> inputs) =>
        PeakFile.TryReadMedian(inputs)
        ?? throw new ArgumentException($"No --peak and no {PeakFile.FileName} beside {string.Join(", ", inputs)}; run 'peak' first (perf/bench.sh peak).");
}
