using System.Numerics;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// Proves the P/Invoke signatures before any OpenBLAS number is trusted: small products (gemm and the batch-1
/// gemv path, both layouts, float and double, ragged sizes) must match the naive kernel to a few ulps of the
/// term sum. A wrong transpose flag or leading dimension shows up here as a large error, not as a fast row.
/// </summary>
internal static class OpenBlasCheck
{
    private static readonly MatMulShape[] Shapes = [new(1, 7, 5), new(3, 5, 4), new(17, 33, 9), new(1, 64, 64)];

    /// <summary>Returns an empty list when every case agrees, else one message per failing case.</summary>
    public static IReadOnlyList<string> Run()
    {
        var failures = new List<string>();
        if (!OpenBlasLibrary.IsAvailable)
        {
            return failures;
        }

        OpenBlasLibrary.SetThreads(1);
        foreach (MatMulShape shape in Shapes)
        {
            foreach (WeightLayout layout in Enum.GetValues<WeightLayout>())
            {
                Check<float>(shape, layout, 1e-4, failures);
                Check<double>(shape, layout, 1e-12, failures);
            }
        }

        return failures;
    }

    private static void Check<T>(MatMulShape shape, WeightLayout layout, double tolerance, List<string> failures)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = new MatMulData<T>(shape, layout);
        var expected = new T[data.Y.Length];
        NaiveKernel<T>.Instance.Multiply(data.X, data.W, expected, shape.M, shape.K, shape.N, layout);
        OpenBlasMultiply.Multiply<T>(data.X, data.W, data.Y, shape, layout);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(double.CreateTruncating(data.Y[i] - expected[i]));

            // Operands lie in [-1, 1], so k bounds the sum of |terms|.
            if (!(error <= tolerance * shape.K))
            {
                failures.Add($"OpenBLAS {typeof(T).Name} {shape} {layout}: y[{i}] = {data.Y[i]}, naive gives {expected[i]}.");
                return;
            }
        }
    }
}
