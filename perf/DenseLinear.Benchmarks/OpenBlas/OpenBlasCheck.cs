using System.Numerics;
using DenseLinear.Benchmarks.Suites;
using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// Proves the P/Invoke signatures before any OpenBLAS number is trusted: small products (sgemm, dgemm and the batch-1
/// sgemv/dgemv path, both layouts, ragged sizes) must match the naive kernel to a few ulps of the term sum. A wrong
/// transpose flag or leading dimension shows up here as a large error, not as a fast row.
/// </summary>
/// <remarks>
/// The run checks once before the suites start and exits 2 on a failure; every OpenBLAS row checks again (once per
/// process) in its setup and throws, because a full run times each case in a child process that never sees Main.
/// </remarks>
internal static class OpenBlasCheck
{
    private static readonly MatMulShape[] Shapes = [new(1, 7, 5), new(3, 5, 4), new(17, 33, 9), new(1, 64, 64)];

    private static readonly Lazy<IReadOnlyList<string>> LazyFailures = new(() =>
    {
        if (!OpenBlasLibrary.IsAvailable)
        {
            return [];
        }

        OpenBlasLibrary.SetThreads(1);
        return Compare(OpenBlasLibrary.Multiply, OpenBlasLibrary.Multiply);
    });

    /// <summary>Empty when every case agrees (or OpenBLAS is missing), else one message per failing case.</summary>
    public static IReadOnlyList<string> Failures => LazyFailures.Value;

    /// <summary>Throws unless <see cref="Failures"/> is empty, so no OpenBLAS row is timed on wrong bindings.</summary>
    public static void ThrowIfFailed()
    {
        if (Failures.Count > 0)
        {
            throw new InvalidOperationException($"OpenBLAS bindings disagree with Naive; refusing to time them. {string.Join(" ", Failures)}");
        }
    }

    /// <summary>Checks two products (float, double) against Naive on every shape and layout; the tests feed it wrong ones.</summary>
    public static IReadOnlyList<string> Compare(Action<MatMulData<float>> single, Action<MatMulData<double>> @double) =>
        [.. from shape in Shapes
            from layout in Enum.GetValues<WeightLayout>()
            from failure in new[] { Check(single, shape, layout, 1e-4), Check(@double, shape, layout, 1e-12) }
            where failure is not null
            select failure];

    private static string? Check<T>(Action<MatMulData<T>> multiply, MatMulShape shape, WeightLayout layout, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = new MatMulData<T>(shape, layout);
        var expected = new T[data.Y.Length];
        NaiveKernel<T>.Instance.Multiply(data.X, data.W, expected, shape.M, shape.K, shape.N, layout);

        // NaN in y, so a routine that writes nothing cannot pass.
        data.Y.AsSpan().Fill(T.NaN);
        multiply(data);

        // Operands lie in [-1, 1], so k bounds the sum of |terms|.
        int i = Enumerable.Range(0, expected.Length)
            .Where(j => !(Math.Abs(double.CreateTruncating(data.Y[j] - expected[j])) <= tolerance * shape.K))
            .DefaultIfEmpty(-1)
            .First();
        string routine = (typeof(T) == typeof(float) ? "s" : "d") + (shape.M == 1 ? "gemv" : "gemm");
        return i < 0 ? null : $"{routine} {shape} {layout}: y[{i}] = {data.Y[i]}, naive gives {expected[i]}.";
    }
}
