using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DenseLinear.Kernels;

/// <summary>
/// The AVX-512 inner loops of <see cref="MicroKernels{T}"/>: a panel row (NR) is two Vector512. Each output keeps
/// the chain <c>acc = fma(a[p], b[p], acc)</c> in increasing p, exactly as the scalar fallback does.
/// </summary>
/// <remarks>
/// Why 12×NR: 12 rows × 2 vectors = 24 accumulators, with the 2 weight vectors 26 of the 32 zmm registers, and the
/// x values folded into the FMAs as broadcasts. Each k step is 24 FMAs against 2 vector loads and 12 scalar
/// broadcasts, inside the two loads per cycle that keep two 512-bit FMA pipes fed; 24 chains cover the 4-cycle FMA
/// latency three times over. The 4-row tile (8 accumulators, exactly latency × pipes) finishes row edges without
/// computing padding rows.
/// </remarks>
internal static class Vector512MicroKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of the main tile.</summary>
    public const int MR = 12;

    /// <summary>Rows of the edge tile.</summary>
    public const int EdgeRows = 4;

    private static nuint Lanes => (nuint)Vector512<T>.Count;

    /// <summary>
    /// <c>c[r, l] = fma(a[p·12 + r], b[p·NR + l], c[r, l])</c> for p = 0..kc-1 on a 12×NR tile of c (row stride
    /// ldc), from c when <paramref name="accumulate"/>, else from zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile(int kc, ref T a, ref T b, ref T c, nint ldc, bool accumulate)
    {
        nuint lanes = Lanes;
        nuint s = (nuint)ldc;
        Vector512<T> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71, c80, c81, c90, c91, cA0, cA1, cB0, cB1;
        if (accumulate)
        {
            c00 = Vector512.LoadUnsafe(ref c);
            c01 = Vector512.LoadUnsafe(ref c, lanes);
            c10 = Vector512.LoadUnsafe(ref c, s);
            c11 = Vector512.LoadUnsafe(ref c, s + lanes);
            c20 = Vector512.LoadUnsafe(ref c, 2 * s);
            c21 = Vector512.LoadUnsafe(ref c, (2 * s) + lanes);
            c30 = Vector512.LoadUnsafe(ref c, 3 * s);
            c31 = Vector512.LoadUnsafe(ref c, (3 * s) + lanes);
            c40 = Vector512.LoadUnsafe(ref c, 4 * s);
            c41 = Vector512.LoadUnsafe(ref c, (4 * s) + lanes);
            c50 = Vector512.LoadUnsafe(ref c, 5 * s);
            c51 = Vector512.LoadUnsafe(ref c, (5 * s) + lanes);
            c60 = Vector512.LoadUnsafe(ref c, 6 * s);
            c61 = Vector512.LoadUnsafe(ref c, (6 * s) + lanes);
            c70 = Vector512.LoadUnsafe(ref c, 7 * s);
            c71 = Vector512.LoadUnsafe(ref c, (7 * s) + lanes);
            c80 = Vector512.LoadUnsafe(ref c, 8 * s);
            c81 = Vector512.LoadUnsafe(ref c, (8 * s) + lanes);
            c90 = Vector512.LoadUnsafe(ref c, 9 * s);
            c91 = Vector512.LoadUnsafe(ref c, (9 * s) + lanes);
            cA0 = Vector512.LoadUnsafe(ref c, 10 * s);
            cA1 = Vector512.LoadUnsafe(ref c, (10 * s) + lanes);
            cB0 = Vector512.LoadUnsafe(ref c, 11 * s);
            cB1 = Vector512.LoadUnsafe(ref c, (11 * s) + lanes);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = c80 = c81 = c90 = c91 = cA0 = cA1 = cB0 = cB1 = Vector512<T>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            Vector512<T> b0 = Vector512.LoadUnsafe(ref b);
            Vector512<T> b1 = Vector512.LoadUnsafe(ref b, lanes);
            Vector512<T> a0 = Vector512.Create(a);
            c00 = Fma(a0, b0, c00);
            c01 = Fma(a0, b1, c01);
            Vector512<T> a1 = Vector512.Create(Unsafe.Add(ref a, 1));
            c10 = Fma(a1, b0, c10);
            c11 = Fma(a1, b1, c11);
            Vector512<T> a2 = Vector512.Create(Unsafe.Add(ref a, 2));
            c20 = Fma(a2, b0, c20);
            c21 = Fma(a2, b1, c21);
            Vector512<T> a3 = Vector512.Create(Unsafe.Add(ref a, 3));
            c30 = Fma(a3, b0, c30);
            c31 = Fma(a3, b1, c31);
            Vector512<T> a4 = Vector512.Create(Unsafe.Add(ref a, 4));
            c40 = Fma(a4, b0, c40);
            c41 = Fma(a4, b1, c41);
            Vector512<T> a5 = Vector512.Create(Unsafe.Add(ref a, 5));
            c50 = Fma(a5, b0, c50);
            c51 = Fma(a5, b1, c51);
            Vector512<T> a6 = Vector512.Create(Unsafe.Add(ref a, 6));
            c60 = Fma(a6, b0, c60);
            c61 = Fma(a6, b1, c61);
            Vector512<T> a7 = Vector512.Create(Unsafe.Add(ref a, 7));
            c70 = Fma(a7, b0, c70);
            c71 = Fma(a7, b1, c71);
            Vector512<T> a8 = Vector512.Create(Unsafe.Add(ref a, 8));
            c80 = Fma(a8, b0, c80);
            c81 = Fma(a8, b1, c81);
            Vector512<T> a9 = Vector512.Create(Unsafe.Add(ref a, 9));
            c90 = Fma(a9, b0, c90);
            c91 = Fma(a9, b1, c91);
            Vector512<T> aA = Vector512.Create(Unsafe.Add(ref a, 10));
            cA0 = Fma(aA, b0, cA0);
            cA1 = Fma(aA, b1, cA1);
            Vector512<T> aB = Vector512.Create(Unsafe.Add(ref a, 11));
            cB0 = Fma(aB, b0, cB0);
            cB1 = Fma(aB, b1, cB1);
            a = ref Unsafe.Add(ref a, MR);
            b = ref Unsafe.Add(ref b, 2 * lanes);
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
        c60.StoreUnsafe(ref c, 6 * s);
        c61.StoreUnsafe(ref c, (6 * s) + lanes);
        c70.StoreUnsafe(ref c, 7 * s);
        c71.StoreUnsafe(ref c, (7 * s) + lanes);
        c80.StoreUnsafe(ref c, 8 * s);
        c81.StoreUnsafe(ref c, (8 * s) + lanes);
        c90.StoreUnsafe(ref c, 9 * s);
        c91.StoreUnsafe(ref c, (9 * s) + lanes);
        cA0.StoreUnsafe(ref c, 10 * s);
        cA1.StoreUnsafe(ref c, (10 * s) + lanes);
        cB0.StoreUnsafe(ref c, 11 * s);
        cB1.StoreUnsafe(ref c, (11 * s) + lanes);
    }

    /// <summary>
    /// <c>c[r, l] = fma(a[p·aStride + r], b[p·NR + l], c[r, l])</c> for r &lt; 4: the 4-row tile for the rows a
    /// 12-row panel has left over (<paramref name="aStride"/> is the panel's 12).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void EdgeTile(int kc, ref T a, nint aStride, ref T b, ref T c, nint ldc, bool accumulate)
    {
        nuint lanes = Lanes;
        nuint s = (nuint)ldc;
        Vector512<T> c00, c01, c10, c11, c20, c21, c30, c31;
        if (accumulate)
        {
            c00 = Vector512.LoadUnsafe(ref c);
            c01 = Vector512.LoadUnsafe(ref c, lanes);
            c10 = Vector512.LoadUnsafe(ref c, s);
            c11 = Vector512.LoadUnsafe(ref c, s + lanes);
            c20 = Vector512.LoadUnsafe(ref c, 2 * s);
            c21 = Vector512.LoadUnsafe(ref c, (2 * s) + lanes);
            c30 = Vector512.LoadUnsafe(ref c, 3 * s);
            c31 = Vector512.LoadUnsafe(ref c, (3 * s) + lanes);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector512<T>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            Vector512<T> b0 = Vector512.LoadUnsafe(ref b);
            Vector512<T> b1 = Vector512.LoadUnsafe(ref b, lanes);
            Vector512<T> a0 = Vector512.Create(a);
            c00 = Fma(a0, b0, c00);
            c01 = Fma(a0, b1, c01);
            Vector512<T> a1 = Vector512.Create(Unsafe.Add(ref a, 1));
            c10 = Fma(a1, b0, c10);
            c11 = Fma(a1, b1, c11);
            Vector512<T> a2 = Vector512.Create(Unsafe.Add(ref a, 2));
            c20 = Fma(a2, b0, c20);
            c21 = Fma(a2, b1, c21);
            Vector512<T> a3 = Vector512.Create(Unsafe.Add(ref a, 3));
            c30 = Fma(a3, b0, c30);
            c31 = Fma(a3, b1, c31);
            a = ref Unsafe.Add(ref a, aStride);
            b = ref Unsafe.Add(ref b, 2 * lanes);
        }

        c00.StoreUnsafe(ref c);
        c01.StoreUnsafe(ref c, lanes);
        c10.StoreUnsafe(ref c, s);
        c11.StoreUnsafe(ref c, s + lanes);
        c20.StoreUnsafe(ref c, 2 * s);
        c21.StoreUnsafe(ref c, (2 * s) + lanes);
        c30.StoreUnsafe(ref c, 3 * s);
        c31.StoreUnsafe(ref c, (3 * s) + lanes);
    }

    // Rows of the four panels fetched ahead by SingleRow4 when asked: a one-row product whose weights exceed L2 streams
    // them from memory, and the hardware prefetchers alone keep too few lines in flight on one core; weights that
    // stay in cache only pay for the extra instructions.
    private const int PrefetchRows = 16;

    /// <summary>
    /// Four panels of one row: <c>dst[q·NR + l] = chain over p of x[p]·b[q·panelStride + p·rowStride + l]</c>, 8
    /// independent chains (latency × pipes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SingleRow4(int k, ref T x, ref T b, nint panelStride, nint rowStride, ref T dst, bool prefetch)
    {
        nuint lanes = Lanes;
        nuint s1 = (nuint)panelStride;
        nuint s2 = 2 * s1;
        nuint s3 = 3 * s1;

        // A panel row is NR·sizeof(T) = 128 bytes, two cache lines, in each of the four panels.
        nint panelBytes = panelStride * Unsafe.SizeOf<T>();
        Vector512<T> c0 = Vector512<T>.Zero, c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0; p < k; p++)
        {
            Vector512<T> xp = Vector512.Create(Unsafe.Add(ref x, p));
            c0 = Fma(xp, Vector512.LoadUnsafe(ref b), c0);
            c1 = Fma(xp, Vector512.LoadUnsafe(ref b, lanes), c1);
            c2 = Fma(xp, Vector512.LoadUnsafe(ref b, s1), c2);
            c3 = Fma(xp, Vector512.LoadUnsafe(ref b, s1 + lanes), c3);
            c4 = Fma(xp, Vector512.LoadUnsafe(ref b, s2), c4);
            c5 = Fma(xp, Vector512.LoadUnsafe(ref b, s2 + lanes), c5);
            c6 = Fma(xp, Vector512.LoadUnsafe(ref b, s3), c6);
            c7 = Fma(xp, Vector512.LoadUnsafe(ref b, s3 + lanes), c7);
            if (prefetch && Sse.IsSupported)
            {
                unsafe
                {
                    byte* ahead = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref b, PrefetchRows * rowStride));
                    Sse.Prefetch0(ahead);
                    Sse.Prefetch0(ahead + 64);
                    Sse.Prefetch0(ahead + panelBytes);
                    Sse.Prefetch0(ahead + panelBytes + 64);
                    Sse.Prefetch0(ahead + (2 * panelBytes));
                    Sse.Prefetch0(ahead + (2 * panelBytes) + 64);
                    Sse.Prefetch0(ahead + (3 * panelBytes));
                    Sse.Prefetch0(ahead + (3 * panelBytes) + 64);
                }
            }

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

    /// <summary>One panel of one row, for the panels left after whole sweeps of four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SingleRow1(int k, ref T x, ref T b, nint rowStride, ref T dst)
    {
        nuint lanes = Lanes;
        Vector512<T> c0 = Vector512<T>.Zero, c1 = c0;
        for (int p = 0; p < k; p++)
        {
            Vector512<T> xp = Vector512.Create(Unsafe.Add(ref x, p));
            c0 = Fma(xp, Vector512.LoadUnsafe(ref b), c0);
            c1 = Fma(xp, Vector512.LoadUnsafe(ref b, lanes), c1);
            b = ref Unsafe.Add(ref b, rowStride);
        }

        c0.StoreUnsafe(ref dst);
        c1.StoreUnsafe(ref dst, lanes);
    }

    /// <summary><c>a·b + c</c> in one rounding, lane by lane; shared with <see cref="Vector512InPlaceTiles{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<T> Fma(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }
}
