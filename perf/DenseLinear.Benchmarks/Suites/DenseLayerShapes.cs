using BenchmarkDotNet.Attributes;

namespace DenseLinear.Benchmarks.Suites;

/// <summary>float32 layer shapes: batch {1, 32, 256} × in = out {512, 4096}; batch 1 is a matrix-vector product.</summary>
public class DenseLayerShapes : MatMulBenchmark<float>
{
    public static IEnumerable<MatMulShape> Shapes =>
        from batch in new[] { 1, 32, 256 }
        from features in new[] { 512, 4096 }
        select new MatMulShape(batch, features, features);

    [ParamsSource(nameof(Shapes), Priority = -10)]
    public override MatMulShape Shape { get; set; }
}
