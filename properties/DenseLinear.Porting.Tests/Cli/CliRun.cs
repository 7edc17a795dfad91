using DenseLinear.Cli;

namespace DenseLinear.Porting.Tests.Cli;

/// <summary>The <c>denselinear</c> command run in-process, its exit code, stdout and stderr kept.</summary>
internal sealed record CliRun(int Exit, string Output, string Error)
{
    /// <summary>The bundled example's folder, copied beside the tests.</summary>
    public static string Example { get; } = Path.Combine(AppContext.BaseDirectory, "port-check");

    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = DenseLinearCommand.Run(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public static string Sample(string name) => Path.Combine(Example, name);
}
