using System.CommandLine;
using System.Text.Json;

namespace DenseLinear.Cli;

/// <summary>Turns a command's bad input (a missing or invalid file, a bad value) into exit 2 and one line on stderr.</summary>
internal static class CheckedAction
{
    public static void SetCheckedAction(this Command command, TextWriter error, Func<ParseResult, int> action) =>
        command.SetAction(result =>
        {
            try
            {
                return action(result);
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException or JsonException)
            {
                error.WriteLine($"denselinear {command.Name}: {e.Message}");
                return DenseLinearCommand.BadInput;
            }
        });
}
