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
    public static IConfig Quick() =>
        Common()
            .AddJob(new Job("Quick")
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithIterationTime(TimeInterval.FromMilliseconds(100))
                .WithEvaluateOverhead(false))
            .AddFilter(new QuickSubsetFilter());

    /// <summary>
    /// Every suite in-process with short fixed counts (one warm-up, six iterations of at least 150 ms), for README
    /// numbers when the full run cannot be afforded.
    /// Rows of one product run back to back, so their ratios share the machine's state.
    /// </summary>
    public static IConfig Medium() =>
        Common()
            .AddJob(new Job("Medium")
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(6)
                .WithIterationTime(TimeInterval.FromMilliseconds(150))
                .WithEvaluateOverhead(false));

    /// <summary>
    /// The published numbers: a separate process per case, fixed counts so the run length is predictable.
    /// </summary>
    public static IConfig Full() =>
        Common()
            .AddJob(new Job("Full")
                .WithWarmupCount(3)
                .WithIterationCount(12));

    private static ManualConfig Common() =>
        ManualConfig.CreateMinimumViable()
            .AddColumn(new GflopsColumn(), new SpeedVsRowColumn(RowNames.Naive), new SpeedVsRowColumn(RowNames.OpenBlasSingleThread))
            .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub)
            .AddFilter(new NaiveWorkFilter())
            .WithOption(ConfigOptions.JoinSummary, false);
}
