using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;

namespace DenseLinear.Benchmarks.Charts;

/// <summary>
/// <c>chart --input &lt;dir-or-json&gt; --output docs/perf.svg [--peak 106]</c>. The default line is this machine's
/// measured single-core float32 FMA ceiling: the 6×16 micro-kernel alone, operands in cache, ran at 105–110 GFLOP/s
/// (2026-11-29), i.e. 2 FMA pipes × 8 lanes × 2 flops at ≥ 3.3 GHz; the 92 assumed earlier was below what OpenBLAS
/// reaches here.
/// </summary>
public static class ChartCommand
{
    public const double DefaultPeakGflops = 106;

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
            Console.Error.WriteLine("usage: chart --input <dir-or-json> --output <file.svg> [--peak 106]");
            return 2;
        }
    }
}
