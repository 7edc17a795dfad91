using System.CommandLine;
using DenseLinear.IO;
using DenseLinear.Porting;

namespace DenseLinear.Cli;

/// <summary>
/// <c>denselinear compare A B [--input FILE.npy] [--batch N] [--seed S] [--json]</c>: whether B (the port) computes
/// what A does (<see cref="PortCheck"/>); exit 0 same, 1 different, 2 bad input.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var a = new Argument<string>("A") { Description = "The original model file." };
        var b = new Argument<string>("B") { Description = "The port to check against it." };
        var input = new Option<string?>("--input") { Description = "A .npy of inputs [batch, in] for the forward pass (default: generated)." };
        var batch = new Option<int>("--batch") { Description = "Rows to generate when there is no --input.", DefaultValueFactory = _ => 16 };
        var seed = new Option<int>("--seed") { Description = "The seed of the generated inputs, uniform in [-1, 1].", DefaultValueFactory = _ => 0 };
        batch.Validators.Add(value =>
        {
            // Only a parsed number is judged here; one that does not parse already has its error.
            if (value.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out int rows) && rows < 1)
            {
                value.AddError($"--batch must be at least 1, got {rows}.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (for CI)." };
        var command = new Command("compare", "Compare two models as functions: exit 0 same, 1 different, 2 bad input.") { a, b, input, batch, seed, json };
        command.SetCheckedAction(error, result =>
        {
            string pathA = result.GetValue(a)!, pathB = result.GetValue(b)!;
            string? inputPath = result.GetValue(input);
            StoredModel modelA = StoredModel.ReadFile(pathA), modelB = StoredModel.ReadFile(pathB);
            var options = new PortCheckOptions
            {
                Input = inputPath is null ? null : NpyFile.ReadFile(inputPath),
                InputLabel = inputPath,
                Batch = result.GetValue(batch),
                Seed = result.GetValue(seed),
                LabelA = pathA,
                LabelB = pathB,
                Progress = error.WriteLine,
            };
            PortReport report = PortCheck.Compare(modelA, modelB, options);
            output.Write(result.GetValue(json) ? report.ToJson() + Environment.NewLine : report.ToText());
            return report.Verdict == PortVerdict.Same ? DenseLinearCommand.Same : DenseLinearCommand.Different;
        });
        return command;
    }
}
