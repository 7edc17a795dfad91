using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DenseLinear.Benchmarks.Columns;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Suites;
using Perfolizer.Horology;

namespace DenseLinear.Benchmarks.Running;

/// <summary>The three run modes. Each exports the full JSON the compare, chart and table commands read.</summary>
public static class BenchmarkConfigs
{
    /// <summary>
    /// The CI smoke subset: one cache-resident and one larger square in one layout each, one batch-1 layer shape
    /// (the gemv path) and the double size, every row.
    /// </summary>
    private static readonly (string Suite, MatMulShape Shape, WeightLayout Layout)[] QuickCases =
    [
        (nameof(SquareMatMul), MatMulShape.Square(128), WeightLayout.InOut),
        (nameof(SquareMatMul), MatMulShape.Square(512), WeightLayout.OutIn),
        (nameof(DenseLayerShapes), new MatMulShape(1, 4096, 4096), WeightLayout.OutIn),
        (nameof(SquareMatMulDouble), MatMulShape.Square(256), WeightLayout.InOut),
    ];

    /// <summary>
    /// CI smoke: in-process (no project generation), one warm-up and five measured iterations of at least 100 ms,
    /// no overhead evaluation, on <see cref="QuickCases"/>.
    /// </summary>
    public static IConfig Quick() =>
        InProcess("Quick", iterations: 5, milliseconds: 100)
            .AddFilter(new SimpleFilter(c => CaseInfo.From(c) is { } info && QuickCases.Contains((info.Suite, info.Shape, info.Layout))));

    /// <summary>
    /// Every suite in-process with short fixed counts (one warm-up, six iterations of at least 150 ms), for README
    /// numbers when the full run cannot be afforded.
    /// Rows of one product run back to back, so their ratios share the machine's state.
    /// </summary>
    public static IConfig Medium() => InProcess("Medium", iterations: 6, milliseconds: 150);

    /// <summary>
    /// The published numbers: a separate process per case, fixed counts so the run length is predictable.
    /// </summary>
    public static IConfig Full() => Common().AddJob(new Job("Full").WithWarmupCount(3).WithIterationCount(12));

    /// <summary>In-process (no project generation), one warm-up, fixed iterations, no overhead evaluation.</summary>
    private static ManualConfig InProcess(string name, int iterations, int milliseconds) =>
        Common().AddJob(new Job(name)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(iterations)
            .WithIterationTime(TimeInterval.FromMilliseconds(milliseconds))
            .WithEvaluateOverhead(false));

    /// <summary>
    /// The columns and exports of every mode. The naive row is dropped above <see cref="MatMulShape.NaiveWorkLimit"/>
    /// multiply-adds (the 512³ square), where one call would outlast a whole iteration; those products are ratioed
    /// against OpenBLAS-1T instead.
    /// </summary>
    private static ManualConfig Common() =>
        ManualConfig.CreateMinimumViable()
            .AddColumn(CaseColumn.Gflops, CaseColumn.SpeedVs(RowNames.Naive), CaseColumn.SpeedVs(RowNames.OpenBlasSingleThread))
            .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub)
            .AddFilter(new SimpleFilter(c =>
                CaseInfo.From(c) is not { Row: RowNames.Naive } info || info.Shape.MultiplyAdds <= MatMulShape.NaiveWorkLimit))
            .WithOption(ConfigOptions.JoinSummary, false);
}
