using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DenseLinear.Kernels;

/// <summary>
/// The AVX-512 loops for 16-bit weight panels (<see cref="MixedPrecisionGemm"/>): widening, the 12×32 tile and the
/// one-row product, each reading a panel row of 32 weights as one 64-byte load. The panels store each row's columns
/// as 16 pairs (column l, column 16 + l), so a 32-bit lane holds both and widens without a shuffle
/// (<see cref="ISixteenBitFormat"/>). Widening is exact and each output keeps
/// the float kernels' chain <c>acc = fma(x[p], float(w[p]), acc)</c> in increasing p, so the bits equal the float
/// kernels' on the widened weights.
/// </summary>
internal static class Vector512WideningKernels
{
    /// <summary>Floats per vector.</summary>
    private const int Lanes = 16;

    /// <summary>Rows ahead that the one-row product prefetches when its weights stream from memory.</summary>
    private const int PrefetchRows = 32;

    /// <summary>Widens <paramref name="rows"/> packed panel rows of 32 weights to 32 floats each, in column order.</summary>
    public static void WidenPanelRows<TFormat>(ref ushort source, ref float destination, int rows)
        where TFormat : struct, ISixteenBitFormat
    {
        for (int r = 0; r < rows; r++)
        {
            Vector512<uint> w = Vector512.LoadUnsafe(ref source, (nuint)(r * 2 * Lanes)).AsUInt32();
            TFormat.Lower(w).StoreUnsafe(ref destination, (nuint)(r * 2 * Lanes));
            TFormat.Upper(w).StoreUnsafe(ref destination, (nuint)((r * 2 * Lanes) + Lanes));
        }
    }

    /// <summary>
    /// <see cref="Vector512MicroKernels{T}.Tile"/> on float with a 16-bit panel: <c>c[r, l] = fma(a[p·12 + r],
    /// float(b[p, l]), c[r, l])</c> for p = 0..kc-1 on a 12×32 tile of c (row stride ldc), from c when
    /// <paramref name="accumulate"/>, else from zero. Each panel row is one 64-byte load, widened by a shift and a mask.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<TFormat>(int kc, ref float a, ref ushort b, ref float c, nint ldc, bool accumulate)
        where TFormat : struct, ISixteenBitFormat
    {
        nuint s = (nuint)ldc;
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71, c80, c81, c90, c91, cA0, cA1, cB0, cB1;
        if (accumulate)
        {
            c00 = Vector512.LoadUnsafe(ref c);
            c01 = Vector512.LoadUnsafe(ref c, Lanes);
            c10 = Vector512.LoadUnsafe(ref c, s);
            c11 = Vector512.LoadUnsafe(ref c, s + Lanes);
            c20 = Vector512.LoadUnsafe(ref c, 2 * s);
            c21 = Vector512.LoadUnsafe(ref c, (2 * s) + Lanes);
            c30 = Vector512.LoadUnsafe(ref c, 3 * s);
            c31 = Vector512.LoadUnsafe(ref c, (3 * s) + Lanes);
            c40 = Vector512.LoadUnsafe(ref c, 4 * s);
            c41 = Vector512.LoadUnsafe(ref c, (4 * s) + Lanes);
            c50 = Vector512.LoadUnsafe(ref c, 5 * s);
            c51 = Vector512.LoadUnsafe(ref c, (5 * s) + Lanes);
            c60 = Vector512.LoadUnsafe(ref c, 6 * s);
            c61 = Vector512.LoadUnsafe(ref c, (6 * s) + Lanes);
            c70 = Vector512.LoadUnsafe(ref c, 7 * s);
            c71 = Vector512.LoadUnsafe(ref c, (7 * s) + Lanes);
            c80 = Vector512.LoadUnsafe(ref c, 8 * s);
            c81 = Vector512.LoadUnsafe(ref c, (8 * s) + Lanes);
            c90 = Vector512.LoadUnsafe(ref c, 9 * s);
            c91 = Vector512.LoadUnsafe(ref c, (9 * s) + Lanes);
            cA0 = Vector512.LoadUnsafe(ref c, 10 * s);
            cA1 = Vector512.LoadUnsafe(ref c, (10 * s) + Lanes);
            cB0 = Vector512.LoadUnsafe(ref c, 11 * s);
            cB1 = Vector512.LoadUnsafe(ref c, (11 * s) + Lanes);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = c80 = c81 = c90 = c91 = cA0 = cA1 = cB0 = cB1 = Vector512<float>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            Vector512<uint> w = Vector512.LoadUnsafe(ref b).AsUInt32();
            Vector512<float> b0 = TFormat.Lower(w);
            Vector512<float> b1 = TFormat.Upper(w);
            Vector512<float> a0 = Vector512.Create(a);
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            Vector512<float> a1 = Vector512.Create(Unsafe.Add(ref a, 1));
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            Vector512<float> a2 = Vector512.Create(Unsafe.Add(ref a, 2));
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            Vector512<float> a3 = Vector512.Create(Unsafe.Add(ref a, 3));
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            Vector512<float> a4 = Vector512.Create(Unsafe.Add(ref a, 4));
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            Vector512<float> a5 = Vector512.Create(Unsafe.Add(ref a, 5));
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            Vector512<float> a6 = Vector512.Create(Unsafe.Add(ref a, 6));
            c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(a6, b1, c61);
            Vector512<float> a7 = Vector512.Create(Unsafe.Add(ref a, 7));
            c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(a7, b1, c71);
            Vector512<float> a8 = Vector512.Create(Unsafe.Add(ref a, 8));
            c80 = Vector512.FusedMultiplyAdd(a8, b0, c80);
            c81 = Vector512.FusedMultiplyAdd(a8, b1, c81);
            Vector512<float> a9 = Vector512.Create(Unsafe.Add(ref a, 9));
            c90 = Vector512.FusedMultiplyAdd(a9, b0, c90);
            c91 = Vector512.FusedMultiplyAdd(a9, b1, c91);
            Vector512<float> aA = Vector512.Create(Unsafe.Add(ref a, 10));
            cA0 = Vector512.FusedMultiplyAdd(aA, b0, cA0);
            cA1 = Vector512.FusedMultiplyAdd(aA, b1, cA1);
            Vector512<float> aB = Vector512.Create(Unsafe.Add(ref a, 11));
            cB0 = Vector512.FusedMultiplyAdd(aB, b0, cB0);
            cB1 = Vector512.FusedMultiplyAdd(aB, b1, cB1);
            a = ref Unsafe.Add(ref a, 12);
            b = ref Unsafe.Add(ref b, 2 * Lanes);
        }

        c00.StoreUnsafe(ref c);
        c01.StoreUnsafe(ref c, Lanes);
        c10.StoreUnsafe(ref c, s);
        c11.StoreUnsafe(ref c, s + Lanes);
        c20.StoreUnsafe(ref c, 2 * s);
        c21.StoreUnsafe(ref c, (2 * s) + Lanes);
        c30.StoreUnsafe(ref c, 3 * s);
        c31.StoreUnsafe(ref c, (3 * s) + Lanes);
        c40.StoreUnsafe(ref c, 4 * s);
        c41.StoreUnsafe(ref c, (4 * s) + Lanes);
        c50.StoreUnsafe(ref c, 5 * s);
        c51.StoreUnsafe(ref c, (5 * s) + Lanes);
        c60.StoreUnsafe(ref c, 6 * s);
        c61.StoreUnsafe(ref c, (6 * s) + Lanes);
        c70.StoreUnsafe(ref c, 7 * s);
        c71.StoreUnsafe(ref c, (7 * s) + Lanes);
        c80.StoreUnsafe(ref c, 8 * s);
        c81.StoreUnsafe(ref c, (8 * s) + Lanes);
        c90.StoreUnsafe(ref c, 9 * s);
        c91.StoreUnsafe(ref c, (9 * s) + Lanes);
        cA0.StoreUnsafe(ref c, 10 * s);
        cA1.StoreUnsafe(ref c, (10 * s) + Lanes);
        cB0.StoreUnsafe(ref c, 11 * s);
        cB1.StoreUnsafe(ref c, (11 * s) + Lanes);
    }

    /// <summary>
    /// <c>dst[q·32 + l] = chain over p of x[p]·float(b[q·panelStride + p·32 + l])</c> for four panels.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SingleRow4<TFormat>(int k, ref float x, ref ushort b, nint panelStride, ref float dst, bool prefetch)
        where TFormat : struct, ISixteenBitFormat
    {
        nuint s1 = (nuint)panelStride;
        nuint s2 = 2 * s1;
        nuint s3 = 3 * s1;
        nint panelBytes = panelStride * sizeof(ushort);
        Vector512<float> c0 = Vector512<float>.Zero, c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> xp = Vector512.Create(Unsafe.Add(ref x, p));
            Vector512<uint> w0 = Vector512.LoadUnsafe(ref b).AsUInt32();
            Vector512<uint> w1 = Vector512.LoadUnsafe(ref b, s1).AsUInt32();
            Vector512<uint> w2 = Vector512.LoadUnsafe(ref b, s2).AsUInt32();
            Vector512<uint> w3 = Vector512.LoadUnsafe(ref b, s3).AsUInt32();
            c0 = Vector512.FusedMultiplyAdd(xp, TFormat.Lower(w0), c0);
            c1 = Vector512.FusedMultiplyAdd(xp, TFormat.Upper(w0), c1);
            c2 = Vector512.FusedMultiplyAdd(xp, TFormat.Lower(w1), c2);
            c3 = Vector512.FusedMultiplyAdd(xp, TFormat.Upper(w1), c3);
            c4 = Vector512.FusedMultiplyAdd(xp, TFormat.Lower(w2), c4);
            c5 = Vector512.FusedMultiplyAdd(xp, TFormat.Upper(w2), c5);
            c6 = Vector512.FusedMultiplyAdd(xp, TFormat.Lower(w3), c6);
            c7 = Vector512.FusedMultiplyAdd(xp, TFormat.Upper(w3), c7);
            if (prefetch && Sse.IsSupported)
            {
                // Weights that stream from memory: ask for each panel's row PrefetchRows ahead, one line per panel.
                unsafe
                {
                    byte* ahead = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref b, PrefetchRows * 2 * Lanes));
                    Sse.Prefetch0(ahead);
                    Sse.Prefetch0(ahead + panelBytes);
                    Sse.Prefetch0(ahead + (2 * panelBytes));
                    Sse.Prefetch0(ahead + (3 * panelBytes));
                }
            }

            b = ref Unsafe.Add(ref b, 2 * Lanes);
        }

        c0.StoreUnsafe(ref dst);
        c1.StoreUnsafe(ref dst, Lanes);
        c2.StoreUnsafe(ref dst, 2 * Lanes);
        c3.StoreUnsafe(ref dst, 3 * Lanes);
        c4.StoreUnsafe(ref dst, 4 * Lanes);
        c5.StoreUnsafe(ref dst, 5 * Lanes);
        c6.StoreUnsafe(ref dst, 6 * Lanes);
        c7.StoreUnsafe(ref dst, 7 * Lanes);
    }

    /// <summary><see cref="SingleRow4"/> on one panel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SingleRow1<TFormat>(int k, ref float x, ref ushort b, ref float dst)
        where TFormat : struct, ISixteenBitFormat
    {
        Vector512<float> c0 = Vector512<float>.Zero, c1 = c0;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> xp = Vector512.Create(Unsafe.Add(ref x, p));
            Vector512<uint> w0 = Vector512.LoadUnsafe(ref b).AsUInt32();
            c0 = Vector512.FusedMultiplyAdd(xp, TFormat.Lower(w0), c0);
            c1 = Vector512.FusedMultiplyAdd(xp, TFormat.Upper(w0), c1);
            b = ref Unsafe.Add(ref b, 2 * Lanes);
        }

        c0.StoreUnsafe(ref dst);
        c1.StoreUnsafe(ref dst, Lanes);
    }
}
