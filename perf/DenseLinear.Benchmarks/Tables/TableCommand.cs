using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Provenance;

namespace DenseLinear.Benchmarks.Tables;

/// <summary>
/// <c>table --input &lt;dir-or-json&gt; [--input ...] [--output file.md]</c>: prints the markdown, or writes it.
/// One <c>--input</c> per run; several give the median of the runs' same-run ratios with their spread.
/// </summary>
public static class TableCommand
{
    public static int Run(IEnumerable<string> args)
    {
        try
        {
            var options = new CommandOptions(args);
            IReadOnlyList<string> inputs = options.All("--input");
            string markdown = RatioTable.Render(MultiRun.Read(inputs), RunLabel.Describe(inputs));
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
            Console.Error.WriteLine("usage: table --input <dir-or-json> [--input <dir-or-json> ...] [--output <file.md>]");
            return 2;
        }
    }
}
