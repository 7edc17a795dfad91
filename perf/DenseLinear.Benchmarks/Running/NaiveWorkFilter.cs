using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.Running;

/// <summary>
/// Drops the naive row above <see cref="MatMulShape.NaiveWorkLimit"/> multiply-adds (the 512³ square): at 2048³ one
/// naive call takes tens of seconds. Those products are ratioed against OpenBLAS-1T instead.
/// </summary>
public sealed class NaiveWorkFilter : IFilter
{
    public bool Predicate(BenchmarkCase benchmarkCase) =>
        CaseInfo.From(benchmarkCase) is not { Row: RowNames.Naive } info || info.Shape.MultiplyAdds <= MatMulShape.NaiveWorkLimit;
}
