using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.Running;

/// <summary>
/// The CI smoke subset: one cache-resident and one larger square in one layout each, one batch-1 layer shape
/// (the gemv path) and the double size, every row.
/// </summary>
public sealed class QuickSubsetFilter : IFilter
{
    private static readonly (string Suite, MatMulShape Shape, WeightLayout Layout)[] Kept =
    [
        (nameof(SquareMatMul), MatMulShape.Square(128), WeightLayout.InOut),
        (nameof(SquareMatMul), MatMulShape.Square(512), WeightLayout.OutIn),
        (nameof(DenseLayerShapes), new MatMulShape(1, 4096, 4096), WeightLayout.OutIn),
        (nameof(SquareMatMulDouble), MatMulShape.Square(256), WeightLayout.InOut),
    ];

    public bool Predicate(BenchmarkCase benchmarkCase) =>
        CaseInfo.From(benchmarkCase) is { } info && Kept.Contains((info.Suite, info.Shape, info.Layout));
}
