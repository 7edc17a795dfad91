using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DenseLinear.Benchmarks.Columns;
using DenseLinear.Benchmarks.Rows;
using Perfolizer.Horology;

namespace DenseLinear.Benchmarks.Running;

/// <summary>The two run modes. Both export the full JSON the compare, chart and table commands read.</summary>
public static class BenchmarkConfigs
{
    /// <summary>
    /// CI smoke: in-process (no project generation), one warm-up and five measured iterations of at least 100 ms,
    /// no overhead evaluation, on <see cref="QuickSubsetFilter"/>'s cases.
    /// </summary>
    public static IConfig Quick() => InProcess("Quick", iterations: 5, milliseconds: 100).AddFilter(new QuickSubsetFilter());

    /// <summary>
    /// Every suite in-process with short fixed counts (one warm-up, six iterations of at least 150 ms), for README
    /// numbers when the full run cannot be afforded.
    /// Rows of one product run back to back, so their ratios share the machine's state.
    /// </summary>
    public static IConfig Medium() => InProcess("Medium", iterations: 6, milliseconds: 150);

    /// <summary>
    /// The published numbers: a separate process per case, fixed counts so the run length is predictable.
    /// </summary>
    public static IConfig Full() =>
        Common()
            .AddJob(new Job("Full")
                .WithWarmupCount(3)
                .WithIterationCount(12));

    /// <summary>In-process (no project generation), one warm-up, fixed iterations, no overhead evaluation.</summary>
    private static ManualConfig InProcess(string name, int iterations, int milliseconds) =>
        Common().AddJob(new Job(name)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(iterations)
            .WithIterationTime(TimeInterval.FromMilliseconds(milliseconds))
            .WithEvaluateOverhead(false));

    private static ManualConfig Common() =>
        ManualConfig.CreateMinimumViable()
            .AddColumn(CaseColumn.Gflops, CaseColumn.SpeedVs(RowNames.Naive), CaseColumn.SpeedVs(RowNames.OpenBlasSingleThread))
            .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub)
            .AddFilter(new NaiveWorkFilter())
            .WithOption(ConfigOptions.JoinSummary, false);
}
