namespace DenseLinear.Benchmarks.Comparison;

/// <summary>One benchmark case as read back from a full JSON report.</summary>
/// <param name="Suite">The benchmark class, e.g. <c>SquareMatMul</c>.</param>
/// <param name="Shape">The <c>MxKxN</c> shape parameter.</param>
/// <param name="Layout">The weight layout parameter.</param>
/// <param name="Row">The row: a kernel name, Layer, OpenBLAS-1T, ...</param>
/// <param name="MeanNanoseconds">The mean time of one call.</param>
public sealed record BenchmarkRecord(string Suite, string Shape, string Layout, string Row, double MeanNanoseconds)
{
    /// <summary>Identifies the product regardless of the row that computed it.</summary>
    public string Product => $"{Suite}/{Shape}/{Layout}";
}
