using System.Numerics;
using DenseLinear.Benchmarks.Suites;
using static DenseLinear.Benchmarks.OpenBlas.OpenBlasNative;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// y = x·W through CBLAS, row-major: W is op(B) with NoTrans for InOut ([k×n]) and Trans for OutIn ([n×k]).
/// A single row (m = 1) goes to gemv, which is what a batch-1 layer calls in practice.
/// </summary>
internal static unsafe class OpenBlasMultiply
{
    public static void Multiply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, MatMulShape s, WeightLayout layout)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool single = typeof(T) == typeof(float), outIn = layout == WeightLayout.OutIn;
        if (!single && typeof(T) != typeof(double))
        {
            throw new NotSupportedException($"OpenBLAS has no routine for {typeof(T).Name}.");
        }

        fixed (T* px = x, pw = w, py = y)
        {
            if (s.M == 1)
            {
                // y[n] = op(A)·x with A = W as stored: [n×k] for OutIn (NoTrans), [k×n] for InOut (Trans).
                (int trans, int rows, int columns) = outIn ? (NoTrans, s.N, s.K) : (Trans, s.K, s.N);
                if (single)
                {
                    Sgemv(RowMajor, trans, rows, columns, 1f, (float*)pw, columns, (float*)px, 1, 0f, (float*)py, 1);
                }
                else
                {
                    Dgemv(RowMajor, trans, rows, columns, 1.0, (double*)pw, columns, (double*)px, 1, 0.0, (double*)py, 1);
                }

                return;
            }

            (int transB, int ldb) = outIn ? (Trans, s.K) : (NoTrans, s.N);
            if (single)
            {
                Sgemm(RowMajor, NoTrans, transB, s.M, s.N, s.K, 1f, (float*)px, s.K, (float*)pw, ldb, 0f, (float*)py, s.N);
            }
            else
            {
                Dgemm(RowMajor, NoTrans, transB, s.M, s.N, s.K, 1.0, (double*)px, s.K, (double*)pw, ldb, 0.0, (double*)py, s.N);
            }
        }
    }
}
