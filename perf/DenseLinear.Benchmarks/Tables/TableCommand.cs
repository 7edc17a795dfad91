using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;

namespace DenseLinear.Benchmarks.Tables;

/// <summary><c>table --input &lt;dir-or-json&gt; [--output file.md]</c>: prints the markdown, or writes it.</summary>
public static class TableCommand
{
    public static int Run(IEnumerable<string> args)
    {
        try
        {
            var options = new CommandOptions(args);
            string markdown = RatioTable.Render(FullJsonReader.ReadPath(options.Required("--input")));
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
            Console.Error.WriteLine("usage: table --input <dir-or-json> [--output <file.md>]");
            return 2;
        }
    }
}
