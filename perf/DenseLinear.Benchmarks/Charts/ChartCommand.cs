using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Peak;

namespace DenseLinear.Benchmarks.Charts;

/// <summary>
/// <c>chart --input &lt;dir-or-json&gt; --output docs/perf.svg [--peak GFLOP/s]</c>. The horizontal line is the
/// single-core FMA peak: <c>--peak</c> when given, else the <see cref="PeakFile"/> that <c>peak</c> wrote beside the
/// reports (perf/bench.sh medium and full write it after the suites); with neither, the chart is refused rather than
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
            string input = options.Required("--input");
            double peak = options.Has("--peak")
                ? options.Number("--peak", double.NaN)
                : PeakFile.TryRead(input)
                    ?? throw new ArgumentException($"No --peak and no {PeakFile.FileName} beside {input}; run 'peak' first (perf/bench.sh peak).");
            if (!(peak > 0 && double.IsFinite(peak)))
            {
                throw new ArgumentException($"--peak must be a positive number of GFLOP/s; got {peak}.");
            }

            string svg = GflopsChart.Render(FullJsonReader.ReadPath(input), peak);
            if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(output, svg);
            Console.WriteLine($"chart: wrote {output} (peak line {peak:F1} GFLOP/s)");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or System.Text.Json.JsonException or FormatException)
        {
            Console.Error.WriteLine($"chart: {e.Message}");
            Console.Error.WriteLine("usage: chart --input <dir-or-json> --output <file.svg> [--peak <GFLOP/s>]");
            return 2;
        }
    }
}
