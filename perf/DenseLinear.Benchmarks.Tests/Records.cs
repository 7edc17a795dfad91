using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Rows;

namespace DenseLinear.Benchmarks.Tests;

/// <summary>Hand-made benchmark records on the 512³ square product, InOut, that the tests build runs from.</summary>
internal static class Records
{
    public const string Product = "SquareMatMul/512x512x512/InOut";

    public static BenchmarkRecord At(string row, double mean, string shape = "512x512x512") =>
        new("SquareMatMul", shape, "InOut", row, mean);

    /// <summary>One run: Naive, a kernel, the layer and both OpenBLAS rows, every time scaled by <paramref name="scale"/>.</summary>
    public static BenchmarkRecord[] Run(double scale = 1.0, double kernel = 10.0) =>
    [
        At(RowNames.Naive, 100.0 * scale),
        At("Simd", kernel * scale),
        At(RowNames.Layer, 11.0 * scale),
        At(RowNames.OpenBlasSingleThread, 5.0 * scale),
        At(RowNames.OpenBlasTwoThreads, 3.0 * scale),
    ];

    /// <summary>A run of Naive and one kernel.</summary>
    public static BenchmarkRecord[] NaiveAndSimd(double naive, double simd) => [At(RowNames.Naive, naive), At("Simd", simd)];
}
