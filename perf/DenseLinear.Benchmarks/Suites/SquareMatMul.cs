using BenchmarkDotNet.Attributes;

namespace DenseLinear.Benchmarks.Suites;

/// <summary>float32 n×n·n×n from cache-resident to memory-bound; the chart's x axis.</summary>
public class SquareMatMul : MatMulBenchmark<float>
{
    public static IEnumerable<MatMulShape> Shapes => new[] { 64, 128, 256, 512, 1024, 2048 }.Select(MatMulShape.Square);

    [ParamsSource(nameof(Shapes), Priority = -10)]
    public override MatMulShape Shape { get; set; }
}
