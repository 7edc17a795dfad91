using BenchmarkDotNet.Attributes;

namespace DenseLinear.Benchmarks.Suites;

/// <summary>float64 squares, n = 256, 512, 1024: half the vector lanes, so roughly half the float32 rate is the expectation.</summary>
public class SquareMatMulDouble : MatMulBenchmark<double>
{
    public static IEnumerable<MatMulShape> Shapes => [MatMulShape.Square(256), MatMulShape.Square(512), MatMulShape.Square(1024)];

    [ParamsSource(nameof(Shapes), Priority = -10)]
    public override MatMulShape Shape { get; set; }
}
