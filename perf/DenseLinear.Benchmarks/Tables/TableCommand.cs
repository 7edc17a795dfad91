using System.CommandLine;
using System.Globalization;
using System.Text;
using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Provenance;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.Tables;

/// <summary><c>table</c>: the markdown table of every row (<see cref="Render"/>), or the README's (<see cref="SpeedTable"/>).</summary>
public static class TableCommand
{
    public static Command Create()
    {
        Option<string[]> input = CliOptions.PerRun(
            "--input", "A results folder or *-report-full.json; once per run, giving the median and range over the runs.");
        var speeds = new Option<bool>("--speeds") { Description = "The README's table: one line per product, speeds against the fastest peer." };
        Option<string?> output = CliOptions.Last<string?>("--output", "Writes the markdown to this file instead of printing it.", null);
        var command = new Command("table", "Prints the markdown table of a run, or of several.") { input, speeds, output };
        command.SetCheckedAction(r =>
        {
            string[] inputs = r.GetRequiredValue(input);
            (IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs, string label) = (MultiRun.Read(inputs), RunLabel.Describe(inputs));
            string markdown = r.GetValue(speeds) ? SpeedTable.Render(runs, label, PeakCommand.TryReadMedian(inputs)?.Gflops) : Render(runs, label);
            if (r.GetValue(output) is not { } path)
            {
                Console.Write(markdown);
                return 0;
            }

            File.WriteAllText(path, markdown);
            Console.WriteLine($"table: wrote {path}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Every measured row with its same-run speeds against the naive loop and OpenBLAS on one thread (reference time
    /// over row time, above 1 is faster), under a line naming <paramref name="provenance"/> (CPU, OpenBLAS core) and
    /// the runs. Over several runs each speed cell is the median of the per-run ratios with their range, and Mean is
    /// the median of the runs' means.
    /// </summary>
    public static string Render(IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs, string provenance)
    {
        IReadOnlyDictionary<RatioKey, RatioSpread> ratios = MultiRun.Ratios(runs);
        string Speed(BenchmarkRecord r, string reference) =>
            r.Row == reference ? "1"
            : ratios.TryGetValue(new(r.Product, r.Row, reference), out RatioSpread ratio) ? ratio.AsSpeed().Format(runs.Count)
            : "–";
        var text = new StringBuilder().AppendLine(runs.Count == 1
            ? $"{provenance}. One run. Speed = reference time ÷ row time in the same run (above 1 is faster)."
            : $"{provenance}. Median of {runs.Count} runs: each speed (reference time ÷ row time in the same run, above 1 is faster) is the median "
                + "of the per-run speeds, (min–max) over the runs; Mean is the median of the runs' means.");
        text.AppendLine().AppendLine("| Suite | Shape (m×k×n) | Layout | Row | Mean | GFLOP/s | ×Naive | ×OpenBLAS-1T |");
        text.AppendLine("|---|---|---|---|---:|---:|---:|---:|");
        foreach (BenchmarkRecord r in MultiRun.MedianMeans(runs))
        {
            string gflops = MatMulShape.TryParse(r.Shape, out MatMulShape shape) ? F(shape.Flops / r.MeanNanoseconds) : "?";
            string cells = $"| {r.Suite} | {r.Shape.Replace('x', '×')} | {r.Layout} | {r.Row} | {Time(r.MeanNanoseconds)} | {gflops} |";
            text.AppendLine($"{cells} {Speed(r, RowNames.Naive)} | {Speed(r, RowNames.OpenBlasSingleThread)} |");
        }

        return text.ToString();
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => F(nanoseconds / 1e9) + " s",
        >= 1e6 => F(nanoseconds / 1e6) + " ms",
        >= 1e3 => F(nanoseconds / 1e3) + " µs",
        _ => nanoseconds.ToString("F0", CultureInfo.InvariantCulture) + " ns",
    };

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
