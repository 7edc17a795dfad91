using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DenseLinear.Kernels;

/// <summary>
/// The AVX2 inner loops of <see cref="MicroKernels{T}"/>: a panel row (NR) is four Vector256, taken as two halves
/// of two vectors. Each output keeps the chain <c>acc = fma(a[p], b[p], acc)</c> in increasing p, exactly as the
/// scalar fallback does.
/// </summary>
/// <remarks>
/// Why 6 rows × half a panel: 6 × 2 vectors = 12 accumulators, plus 2 weight vectors and a broadcast, fill the 16
/// ymm registers (each k step: 2 loads, 6 broadcasts, 12 FMAs); a whole panel row would need 24 accumulators.
/// </remarks>
internal static class Vector256MicroKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of the tile.</summary>
    public const int MR = 6;

    private static nuint Lanes => (nuint)Vector256<T>.Count;

    /// <summary>
    /// <c>c[r, l] = fma(a[p·6 + r], b[p·rowStride + l], c[r, l])</c> for p = 0..kc-1, l &lt; 2·Vector256 (half a
    /// panel), on 6 rows of c (row stride ldc), from c when <paramref name="accumulate"/>, else from zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HalfTile(int kc, ref T a, ref T b, nint rowStride, ref T c, nint ldc, bool accumulate)
    {
        nuint lanes = Lanes;
        nuint s = (nuint)ldc;
        Vector256<T> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (accumulate)
        {
            c00 = Vector256.LoadUnsafe(ref c);
            c01 = Vector256.LoadUnsafe(ref c, lanes);
            c10 = Vector256.LoadUnsafe(ref c, s);
            c11 = Vector256.LoadUnsafe(ref c, s + lanes);
            c20 = Vector256.LoadUnsafe(ref c, 2 * s);
            c21 = Vector256.LoadUnsafe(ref c, (2 * s) + lanes);
            c30 = Vector256.LoadUnsafe(ref c, 3 * s);
            c31 = Vector256.LoadUnsafe(ref c, (3 * s) + lanes);
            c40 = Vector256.LoadUnsafe(ref c, 4 * s);
            c41 = Vector256.LoadUnsafe(ref c, (4 * s) + lanes);
            c50 = Vector256.LoadUnsafe(ref c, 5 * s);
            c51 = Vector256.LoadUnsafe(ref c, (5 * s) + lanes);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = Vector256<T>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            Vector256<T> b0 = Vector256.LoadUnsafe(ref b);
            Vector256<T> b1 = Vector256.LoadUnsafe(ref b, lanes);
            Vector256<T> a0 = Vector256.Create(a);
            c00 = Fma(a0, b0, c00);
            c01 = Fma(a0, b1, c01);
            Vector256<T> a1 = Vector256.Create(Unsafe.Add(ref a, 1));
            c10 = Fma(a1, b0, c10);
            c11 = Fma(a1, b1, c11);
            Vector256<T> a2 = Vector256.Create(Unsafe.Add(ref a, 2));
            c20 = Fma(a2, b0, c20);
            c21 = Fma(a2, b1, c21);
            Vector256<T> a3 = Vector256.Create(Unsafe.Add(ref a, 3));
            c30 = Fma(a3, b0, c30);
            c31 = Fma(a3, b1, c31);
            Vector256<T> a4 = Vector256.Create(Unsafe.Add(ref a, 4));
            c40 = Fma(a4, b0, c40);
            c41 = Fma(a4, b1, c41);
            Vector256<T> a5 = Vector256.Create(Unsafe.Add(ref a, 5));
            c50 = Fma(a5, b0, c50);
            c51 = Fma(a5, b1, c51);
            a = ref Unsafe.Add(ref a, MR);
            b = ref Unsafe.Add(ref b, rowStride);
        }

        c00.StoreUnsafe(ref c);
        c01.StoreUnsafe(ref c, lanes);
        c10.StoreUnsafe(ref c, s);
        c11.StoreUnsafe(ref c, s + lanes);
        c20.StoreUnsafe(ref c, 2 * s);
        c21.StoreUnsafe(ref c, (2 * s) + lanes);
        c30.StoreUnsafe(ref c, 3 * s);
        c31.StoreUnsafe(ref c, (3 * s) + lanes);
        c40.StoreUnsafe(ref c, 4 * s);
        c41.StoreUnsafe(ref c, (4 * s) + lanes);
        c50.StoreUnsafe(ref c, 5 * s);
        c51.StoreUnsafe(ref c, (5 * s) + lanes);
    }

    /// <summary>
    /// Two panels of one row: <c>dst[q·NR + l] = chain over p of x[p]·b[q·panelStride + p·rowStride + l]</c>, 8
    /// independent chains (4-cycle latency × 2 FMA pipes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SingleRow2(int k, ref T x, ref T b, nint panelStride, nint rowStride, ref T dst)
    {
        nuint lanes = Lanes;
        nuint s1 = (nuint)panelStride;
        Vector256<T> c0 = Vector256<T>.Zero, c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0; p < k; p++)
        {
            Vector256<T> xp = Vector256.Create(Unsafe.Add(ref x, p));
            c0 = Fma(xp, Vector256.LoadUnsafe(ref b), c0);
            c1 = Fma(xp, Vector256.LoadUnsafe(ref b, lanes), c1);
            c2 = Fma(xp, Vector256.LoadUnsafe(ref b, 2 * lanes), c2);
            c3 = Fma(xp, Vector256.LoadUnsafe(ref b, 3 * lanes), c3);
            c4 = Fma(xp, Vector256.LoadUnsafe(ref b, s1), c4);
            c5 = Fma(xp, Vector256.LoadUnsafe(ref b, s1 + lanes), c5);
            c6 = Fma(xp, Vector256.LoadUnsafe(ref b, s1 + (2 * lanes)), c6);
            c7 = Fma(xp, Vector256.LoadUnsafe(ref b, s1 + (3 * lanes)), c7);
            b = ref Unsafe.Add(ref b, rowStride);
        }

        c0.StoreUnsafe(ref dst);
        c1.StoreUnsafe(ref dst, lanes);
        c2.StoreUnsafe(ref dst, 2 * lanes);
        c3.StoreUnsafe(ref dst, 3 * lanes);
        c4.StoreUnsafe(ref dst, 4 * lanes);
        c5.StoreUnsafe(ref dst, 5 * lanes);
        c6.StoreUnsafe(ref dst, 6 * lanes);
        c7.StoreUnsafe(ref dst, 7 * lanes);
    }

    /// <summary>One panel of one row, for a panel left after whole pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SingleRow1(int k, ref T x, ref T b, nint rowStride, ref T dst)
    {
        nuint lanes = Lanes;
        Vector256<T> c0 = Vector256<T>.Zero, c1 = c0, c2 = c0, c3 = c0;
        for (int p = 0; p < k; p++)
        {
            Vector256<T> xp = Vector256.Create(Unsafe.Add(ref x, p));
            c0 = Fma(xp, Vector256.LoadUnsafe(ref b), c0);
            c1 = Fma(xp, Vector256.LoadUnsafe(ref b, lanes), c1);
            c2 = Fma(xp, Vector256.LoadUnsafe(ref b, 2 * lanes), c2);
            c3 = Fma(xp, Vector256.LoadUnsafe(ref b, 3 * lanes), c3);
            b = ref Unsafe.Add(ref b, rowStride);
        }

        c0.StoreUnsafe(ref dst);
        c1.StoreUnsafe(ref dst, lanes);
        c2.StoreUnsafe(ref dst, 2 * lanes);
        c3.StoreUnsafe(ref dst, 3 * lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }
}
