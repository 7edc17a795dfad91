using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace DenseLinear.Benchmarks.Cli;

/// <summary>
/// What the commands share on top of System.CommandLine: a single-valued option may be given again, the last one
/// winning (perf/bench.sh puts its defaults first); numbers are read in the invariant culture; and bad input, on the
/// command line or in a file, exits 2 with a line naming the command.
/// </summary>
public static class CliOptions
{
    public const int BadInput = 2;

    public static Option<T> Last<T>(string name, string description, T fallback) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
        DefaultValueFactory = fallback is null ? null : _ => fallback,
        CustomParser = result =>
        {
            string text = result.Tokens[^1].Value;
            try
            {
                return (T)Convert.ChangeType(text, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                result.AddError($"{name} takes a {typeof(T).Name}, not '{text}'.");
                return fallback;
            }
        },
    };

    /// <summary>An option given once per run (a results folder or report each time); at least once.</summary>
    public static Option<string[]> PerRun(string name, string description) => new(name) { Description = description, Required = true };

    /// <summary>Sets <paramref name="action"/>, turning a bad path, report or value into exit 2.</summary>
    public static void SetCheckedAction(this Command command, Func<ParseResult, int> action) =>
        command.SetAction(result =>
        {
            try
            {
                return action(result);
            }
            catch (Exception e) when (e is ArgumentException or IOException or JsonException or FormatException)
            {
                Console.Error.WriteLine($"{command.Name}: {e.Message}");
                return BadInput;
            }
        });

    /// <summary>Parses and runs; a parse error (an unknown option, a missing or malformed value) exits 2.</summary>
    public static int Invoke(RootCommand root, string[] args)
    {
        ParseResult parsed = root.Parse(args);
        int exit = parsed.Invoke();
        return parsed.Errors.Count > 0 ? BadInput : exit;
    }
}
