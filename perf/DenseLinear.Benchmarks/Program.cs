using DenseLinear.Benchmarks.Charts;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Running;
using DenseLinear.Benchmarks.Tables;

namespace DenseLinear.Benchmarks;

/// <summary>
/// <c>[--quick] [BenchmarkDotNet switches]</c> runs the suites; <c>compare</c>, <c>chart</c> and <c>table</c>
/// read the full JSON reports a run leaves in BenchmarkDotNet.Artifacts/results; <c>peak</c> measures the core's
/// FMA ceiling that the chart draws; <c>openblas-cores</c> runs the OpenBLAS core probe alone, and
/// <c>openblas-core-trial</c> is one of its children. See perf/README.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["compare", .. var rest] => CompareCommand.Run(rest),
        ["chart", .. var rest] => ChartCommand.Run(rest),
        ["table", .. var rest] => TableCommand.Run(rest),
        ["peak", .. var rest] => PeakCommand.Run(rest),
        [OpenBlasCoresCommand.Name] => OpenBlasCoresCommand.Run(),
        [OpenBlasCoreTiming.Command] => OpenBlasCoreTiming.Run(),
        _ => RunCommand.Run(args),
    };
}
