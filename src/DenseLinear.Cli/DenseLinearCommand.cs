using System.CommandLine;
using System.CommandLine.Help;

namespace DenseLinear.Cli;

/// <summary>The root command: <c>inspect</c>, <c>convert</c> and <c>compare</c>.</summary>
public static class DenseLinearCommand
{
    /// <summary>The exit code of <c>compare</c> for the same function, and of every command that succeeded.</summary>
    public const int Same = 0;

    /// <summary>The exit code of <c>compare</c> for a different function.</summary>
    public const int Different = 1;

    /// <summary>The exit code for bad input: an unreadable or invalid file, a bad option; a one-line error goes to stderr.</summary>
    public const int BadInput = 2;

    /// <summary>Parses <paramref name="args"/> and runs the command, writing the report to <paramref name="output"/> and errors and progress to <paramref name="error"/>.</summary>
    /// <returns>The exit code: <see cref="Same"/>, <see cref="Different"/> or <see cref="BadInput"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        // A named command rather than RootCommand, whose name is the running assembly's (DenseLinear.Cli), so help
        // and errors say "denselinear" however the tool is started.
        var root = new Command("denselinear", "Inspect, convert and compare PyTorch and Keras dense models.")
        {
            new HelpOption(),
            new VersionOption(),
            InspectCommand.Create(output, error),
            ConvertCommand.Create(output, error),
            CompareCommand.Create(output, error),
        };
        ParseResult parsed = root.Parse(args);
        int exit = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return parsed.Errors.Count > 0 ? BadInput : exit;
    }
}
