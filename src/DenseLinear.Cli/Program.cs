namespace DenseLinear.Cli;

/// <summary>The <c>denselinear</c> tool's entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line on the console; see <see cref="DenseLinearCommand.Run"/>.</summary>
    public static int Main(string[] args) => DenseLinearCommand.Run(args, Console.Out, Console.Error);
}
