using BenchmarkDotNet.Running;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.Running;

/// <summary>The three parameters every <see cref="MatMulBenchmark{T}"/> case carries, read back from BDN.</summary>
public readonly record struct CaseInfo(string Suite, MatMulShape Shape, WeightLayout Layout, string Row)
{
    public static CaseInfo? From(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Shape"] is not MatMulShape shape
            || benchmarkCase.Parameters["Layout"] is not WeightLayout layout
            || benchmarkCase.Parameters["Row"] is not string row)
        {
            return null;
        }

        return new CaseInfo(benchmarkCase.Descriptor.Type.Name, shape, layout, row);
    }

    /// <summary>Whether <paramref name="other"/> measures the same product, whatever its row.</summary>
    public bool SameProduct(CaseInfo other) => Suite == other.Suite && Shape == other.Shape && Layout == other.Layout;
}
