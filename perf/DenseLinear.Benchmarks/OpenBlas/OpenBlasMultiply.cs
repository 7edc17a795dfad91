using System.Numerics;
using System.Runtime.InteropServices;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// y = x·W through CBLAS, row-major: W is op(B) with NoTrans for InOut ([k×n]) and Trans for OutIn ([n×k]).
/// A single row (m = 1) goes to gemv, which is what a batch-1 layer calls in practice.
/// </summary>
internal static unsafe class OpenBlasMultiply
{
    public static void Multiply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, MatMulShape shape, WeightLayout layout)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            Single(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(w), MemoryMarshal.Cast<T, float>(y), shape, layout);
        }
        else if (typeof(T) == typeof(double))
        {
            Double(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(w), MemoryMarshal.Cast<T, double>(y), shape, layout);
        }
        else
        {
            throw new NotSupportedException($"OpenBLAS has no routine for {typeof(T).Name}.");
        }
    }

    private static void Single(ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y, MatMulShape s, WeightLayout layout)
    {
        fixed (float* px = x, pw = w, py = y)
        {
            if (s.M == 1)
            {
                // y[n] = op(A)·x with A = W as stored: [n×k] for OutIn (NoTrans), [k×n] for InOut (Trans).
                if (layout == WeightLayout.OutIn)
                {
                    OpenBlasNative.Sgemv(OpenBlasNative.RowMajor, OpenBlasNative.NoTrans, s.N, s.K, 1f, pw, s.K, px, 1, 0f, py, 1);
                }
                else
                {
                    OpenBlasNative.Sgemv(OpenBlasNative.RowMajor, OpenBlasNative.Trans, s.K, s.N, 1f, pw, s.N, px, 1, 0f, py, 1);
                }

                return;
            }

            bool outIn = layout == WeightLayout.OutIn;
            OpenBlasNative.Sgemm(
                OpenBlasNative.RowMajor, OpenBlasNative.NoTrans, outIn ? OpenBlasNative.Trans : OpenBlasNative.NoTrans,
                s.M, s.N, s.K, 1f, px, s.K, pw, outIn ? s.K : s.N, 0f, py, s.N);
        }
    }

    private static void Double(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> y, MatMulShape s, WeightLayout layout)
    {
        fixed (double* px = x, pw = w, py = y)
        {
            if (s.M == 1)
            {
                if (layout == WeightLayout.OutIn)
                {
                    OpenBlasNative.Dgemv(OpenBlasNative.RowMajor, OpenBlasNative.NoTrans, s.N, s.K, 1.0, pw, s.K, px, 1, 0.0, py, 1);
                }
                else
                {
                    OpenBlasNative.Dgemv(OpenBlasNative.RowMajor, OpenBlasNative.Trans, s.K, s.N, 1.0, pw, s.N, px, 1, 0.0, py, 1);
                }

                return;
            }

            bool outIn = layout == WeightLayout.OutIn;
            OpenBlasNative.Dgemm(
                OpenBlasNative.RowMajor, OpenBlasNative.NoTrans, outIn ? OpenBlasNative.Trans : OpenBlasNative.NoTrans,
                s.M, s.N, s.K, 1.0, px, s.K, pw, outIn ? s.K : s.N, 0.0, py, s.N);
        }
    }
}
