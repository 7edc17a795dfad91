using BenchmarkDotNet.Attributes;

namespace DenseLinear.Benchmarks.Suites;

/// <summary>float32 257×1000×999: no dimension a multiple of any vector width or block size, so every tail runs.</summary>
public class RaggedMatMul : MatMulBenchmark<float>
{
    public static IEnumerable<MatMulShape> Shapes => [new MatMulShape(257, 1000, 999)];

    [ParamsSource(nameof(Shapes), Priority = -10)]
    public override MatMulShape Shape { get; set; }
}
