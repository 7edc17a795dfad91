using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;

namespace DenseLinear.Benchmarks.Charts;

/// <summary>
/// <c>chart --input &lt;dir-or-json&gt; --output docs/perf.svg [--peak 92]</c>. The default peak is this machine's
/// single-core float32 FMA peak: 2 FMA pipes × 8 lanes (AVX2) × 2 flops × clock, ≈ 92 GFLOP/s on the Zen 3 host.
/// </summary>
public static class ChartCommand
{
    public const double DefaultPeakGflops = 92;

    public static int Run(IEnumerable<string> args)
    {
        try
        {
            var options = new CommandOptions(args);
            string output = options.Required("--output");
            string svg = GflopsChart.Render(FullJsonReader.ReadPath(options.Required("--input")), options.Number("--peak", DefaultPeakGflops));
            if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(output, svg);
            Console.WriteLine($"chart: wrote {output}");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or System.Text.Json.JsonException or FormatException)
        {
            Console.Error.WriteLine($"chart: {e.Message}");
            Console.Error.WriteLine("usage: chart --input <dir-or-json> --output <file.svg> [--peak 92]");
            return 2;
        }
    }
}
