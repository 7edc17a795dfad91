using System.CommandLine;
using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Provenance;

namespace DenseLinear.Benchmarks.Tables;

/// <summary><c>table</c>: the markdown table of every row (<see cref="RatioTable"/>), or the README's (<see cref="SpeedTable"/>).</summary>
public static class TableCommand
{
    public static Command Create()
    {
        Option<string[]> input = CliOptions.PerRun("--input", "A results folder or *-report-full.json; once per run, giving the median and range over the runs.");
        var speeds = new Option<bool>("--speeds") { Description = "The README's table: one line per product, speeds against the fastest peer." };
        Option<string?> output = CliOptions.Last<string?>("--output", "Writes the markdown to this file instead of printing it.", null);
        var command = new Command("table", "Prints the markdown table of a run, or of several.") { input, speeds, output };
        command.SetCheckedAction(r =>
        {
            string[] inputs = r.GetRequiredValue(input);
            IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs = MultiRun.Read(inputs);
            string label = RunLabel.Describe(inputs);
            string markdown = r.GetValue(speeds) ? SpeedTable.Render(runs, label, PeakCommand.TryReadMedian(inputs)?.Gflops) : RatioTable.Render(runs, label);
            if (r.GetValue(output) is { } path)
            {
                File.WriteAllText(path, markdown);
                Console.WriteLine($"table: wrote {path}");
            }
            else
            {
                Console.Write(markdown);
            }

            return 0;
        });
        return command;
    }
}
