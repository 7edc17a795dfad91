using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Provenance;

namespace DenseLinear.Benchmarks.Tables;

/// <summary>
/// <c>table --input &lt;dir-or-json&gt; [--input ...] [--speeds] [--output file.md]</c>: prints the markdown, or writes
/// it. One <c>--input</c> per run; several give the median of the runs' same-run ratios with their spread.
/// <c>--speeds</c> gives the README's one-line-per-product table of speeds (<see cref="SpeedTable"/>) instead.
/// </summary>
public static class TableCommand
{
    public static int Run(IEnumerable<string> args)
    {
        try
        {
            var options = new CommandOptions(args);
            IReadOnlyList<string> inputs = options.All("--input");
            IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs = MultiRun.Read(inputs);
            string label = RunLabel.Describe(inputs);
            string markdown = options.Has("--speeds")
                ? SpeedTable.Render(runs, label, PeakFile.TryReadMedian(inputs)?.Gflops)
                : RatioTable.Render(runs, label);
            if (options.Optional("--output") is { } output)
            {
                File.WriteAllText(output, markdown);
                Console.WriteLine($"table: wrote {output}");
            }
            else
            {
                Console.Write(markdown);
            }

            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or System.Text.Json.JsonException or FormatException)
        {
            Console.Error.WriteLine($"table: {e.Message}");
            Console.Error.WriteLine("usage: table --input <dir-or-json> [--input <dir-or-json> ...] [--speeds] [--output <file.md>]");
            return 2;
        }
    }
}
