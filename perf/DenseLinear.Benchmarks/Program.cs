using DenseLinear.Benchmarks.Charts;
using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Readme;
using DenseLinear.Benchmarks.Running;
using DenseLinear.Benchmarks.Tables;

namespace DenseLinear.Benchmarks;

/// <summary>The suites (the root command) and the commands that read what a run leaves; <c>--help</c> lists them.</summary>
public static class Program
{
    public static int Main(string[] args) => CliOptions.Invoke(
        RunCommand.Create(
        [
            CompareCommand.Create(),
            ChartCommand.Create(),
            TableCommand.Create(),
            PeakCommand.Create(),
            ReadmeCommand.Create(),
            .. OpenBlasCoreProbe.CreateCommands(),
        ]),
        args);
}
