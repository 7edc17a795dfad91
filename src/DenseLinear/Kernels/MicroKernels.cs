using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DenseLinear;

/// <summary>
/// The register-blocked inner loops of <see cref="PackedGemm{T}"/>. Each one keeps, per output, the chain
/// <c>acc = fma(x[p], w[p], acc)</c> in increasing p, in the vector path and in the scalar fallback alike, so
/// which path runs never changes the result.
/// </summary>
internal static class MicroKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows per tile: 6 rows × 2 vectors = 12 accumulators, plus 2 weight vectors and a broadcast,
    /// fits the 16 ymm registers of AVX2 (each k step: 2 loads, 6 broadcasts, 12 FMAs).</summary>
    public const int MR = 6;

    /// <summary>The largest <see cref="NR"/> over float and double, for scratch tiles.</summary>
    public const int MaxNR = 16;

    /// <summary>Panels per sweep of the one-row kernel: 8 independent chains cover the 4-cycle FMA latency
    /// at 2 FMAs per cycle.</summary>
    public const int RowPanels = 4;

    /// <summary>Columns per tile: two Vector256 (16 floats, 8 doubles). The packed format depends only on this,
    /// not on the hardware, so packed weights work with either path.</summary>
    public static int NR => 2 * Vector256<T>.Count;

    /// <summary>256-bit FMA in hardware; otherwise the scalar loops below (same chains, same bits).</summary>
    public static bool Vectorized => Vector256.IsHardwareAccelerated && Fma.IsSupported;

    /// <summary>
    /// <c>c[r, l] = fma(a[p, r], b[p, l], c[r, l])</c> for p = 0..kc-1 on an MR×NR tile of c (row stride ldc),
    /// starting from c when <paramref name="accumulate"/>, else from zero (c is then not read).
    /// a is an MR-row panel (a[p·MR + r]), b an NR-column panel (b[p·NR + l]).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tile(int kc, ref T a, ref T b, ref T c, nint ldc, bool accumulate)
    {
        if (Vectorized)
        {
            VectorTile(kc, ref a, ref b, ref c, ldc, accumulate);
        }
        else
        {
            ScalarTile(kc, ref a, ref b, ref c, ldc, accumulate);
        }
    }

    /// <summary>
    /// <c>dst[q·NR + l] = Σ-chain over p of x[p] · b[q·panelStride + p·rowStride + l]</c> for <paramref name="panels"/>
    /// (1..4) groups of NR columns, each chain from zero over the whole k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Row(int k, ref T x, ref T b, nint panelStride, nint rowStride, int panels, ref T dst)
    {
        if (Vectorized && panels == RowPanels)
        {
            VectorRow4(k, ref x, ref b, panelStride, rowStride, ref dst);
            return;
        }

        int nr = NR;
        for (int q = 0; q < panels; q++)
        {
            ref T panel = ref Unsafe.Add(ref b, q * panelStride);
            if (Vectorized)
            {
                VectorRow1(k, ref x, ref panel, rowStride, ref Unsafe.Add(ref dst, q * nr));
            }
            else
            {
                ScalarRow1(k, ref x, ref panel, rowStride, ref Unsafe.Add(ref dst, q * nr));
            }
        }
    }

    /// <summary>The scalar fallback of one panel of <see cref="Row"/>: <c>dst[l] = chain over p of x[p]·b[p·rowStride + l]</c>.
    /// Internal, not private, so the tests can hold it to the vector path on machines that never take it.</summary>
    internal static void ScalarRow1(int k, ref T x, ref T panel, nint rowStride, ref T dst)
    {
        int nr = NR;
        for (int lane = 0; lane < nr; lane++)
        {
            T acc = T.Zero;
            for (int p = 0; p < k; p++)
            {
                acc = T.FusedMultiplyAdd(Unsafe.Add(ref x, p), Unsafe.Add(ref panel, (p * rowStride) + lane), acc);
            }

            Unsafe.Add(ref dst, lane) = acc;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma256(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void VectorTile(int kc, ref T a, ref T b, ref T c, nint ldc, bool accumulate)
    {
        nuint lanes = (nuint)Vector256<T>.Count;
        nuint stride = (nuint)ldc;
        Vector256<T> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (accumulate)
        {
            c00 = Vector256.LoadUnsafe(ref c);
            c01 = Vector256.LoadUnsafe(ref c, lanes);
            c10 = Vector256.LoadUnsafe(ref c, stride);
            c11 = Vector256.LoadUnsafe(ref c, stride + lanes);
            c20 = Vector256.LoadUnsafe(ref c, 2 * stride);
            c21 = Vector256.LoadUnsafe(ref c, (2 * stride) + lanes);
            c30 = Vector256.LoadUnsafe(ref c, 3 * stride);
            c31 = Vector256.LoadUnsafe(ref c, (3 * stride) + lanes);
            c40 = Vector256.LoadUnsafe(ref c, 4 * stride);
            c41 = Vector256.LoadUnsafe(ref c, (4 * stride) + lanes);
            c50 = Vector256.LoadUnsafe(ref c, 5 * stride);
            c51 = Vector256.LoadUnsafe(ref c, (5 * stride) + lanes);
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
            c00 = Fma256(a0, b0, c00);
            c01 = Fma256(a0, b1, c01);
            Vector256<T> a1 = Vector256.Create(Unsafe.Add(ref a, 1));
            c10 = Fma256(a1, b0, c10);
            c11 = Fma256(a1, b1, c11);
            Vector256<T> a2 = Vector256.Create(Unsafe.Add(ref a, 2));
            c20 = Fma256(a2, b0, c20);
            c21 = Fma256(a2, b1, c21);
            Vector256<T> a3 = Vector256.Create(Unsafe.Add(ref a, 3));
            c30 = Fma256(a3, b0, c30);
            c31 = Fma256(a3, b1, c31);
            Vector256<T> a4 = Vector256.Create(Unsafe.Add(ref a, 4));
            c40 = Fma256(a4, b0, c40);
            c41 = Fma256(a4, b1, c41);
            Vector256<T> a5 = Vector256.Create(Unsafe.Add(ref a, 5));
            c50 = Fma256(a5, b0, c50);
            c51 = Fma256(a5, b1, c51);
            a = ref Unsafe.Add(ref a, MR);
            b = ref Unsafe.Add(ref b, 2 * Vector256<T>.Count);
        }

        c00.StoreUnsafe(ref c);
        c01.StoreUnsafe(ref c, lanes);
        c10.StoreUnsafe(ref c, stride);
        c11.StoreUnsafe(ref c, stride + lanes);
        c20.StoreUnsafe(ref c, 2 * stride);
        c21.StoreUnsafe(ref c, (2 * stride) + lanes);
        c30.StoreUnsafe(ref c, 3 * stride);
        c31.StoreUnsafe(ref c, (3 * stride) + lanes);
        c40.StoreUnsafe(ref c, 4 * stride);
        c41.StoreUnsafe(ref c, (4 * stride) + lanes);
        c50.StoreUnsafe(ref c, 5 * stride);
        c51.StoreUnsafe(ref c, (5 * stride) + lanes);
    }

    /// <summary>The scalar fallback of <see cref="Tile"/>; internal so the tests can hold it to the vector path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ScalarTile(int kc, ref T a, ref T b, ref T c, nint ldc, bool accumulate)
    {
        int nr = NR;
        for (int r = 0; r < MR; r++)
        {
            for (int lane = 0; lane < nr; lane++)
            {
                ref T target = ref Unsafe.Add(ref c, (r * ldc) + lane);
                T acc = accumulate ? target : T.Zero;
                for (int p = 0; p < kc; p++)
                {
                    acc = T.FusedMultiplyAdd(Unsafe.Add(ref a, (p * MR) + r), Unsafe.Add(ref b, (p * nr) + lane), acc);
                }

                target = acc;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void VectorRow4(int k, ref T x, ref T b, nint panelStride, nint rowStride, ref T dst)
    {
        nuint lanes = (nuint)Vector256<T>.Count;
        nuint s1 = (nuint)panelStride;
        nuint s2 = 2 * s1;
        nuint s3 = 3 * s1;
        Vector256<T> c0 = Vector256<T>.Zero, c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0; p < k; p++)
        {
            Vector256<T> xp = Vector256.Create(Unsafe.Add(ref x, p));
            c0 = Fma256(xp, Vector256.LoadUnsafe(ref b), c0);
            c1 = Fma256(xp, Vector256.LoadUnsafe(ref b, lanes), c1);
            c2 = Fma256(xp, Vector256.LoadUnsafe(ref b, s1), c2);
            c3 = Fma256(xp, Vector256.LoadUnsafe(ref b, s1 + lanes), c3);
            c4 = Fma256(xp, Vector256.LoadUnsafe(ref b, s2), c4);
            c5 = Fma256(xp, Vector256.LoadUnsafe(ref b, s2 + lanes), c5);
            c6 = Fma256(xp, Vector256.LoadUnsafe(ref b, s3), c6);
            c7 = Fma256(xp, Vector256.LoadUnsafe(ref b, s3 + lanes), c7);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void VectorRow1(int k, ref T x, ref T b, nint rowStride, ref T dst)
    {
        nuint lanes = (nuint)Vector256<T>.Count;
        Vector256<T> c0 = Vector256<T>.Zero, c1 = c0;
        for (int p = 0; p < k; p++)
        {
            Vector256<T> xp = Vector256.Create(Unsafe.Add(ref x, p));
            c0 = Fma256(xp, Vector256.LoadUnsafe(ref b), c0);
            c1 = Fma256(xp, Vector256.LoadUnsafe(ref b, lanes), c1);
            b = ref Unsafe.Add(ref b, rowStride);
        }

        c0.StoreUnsafe(ref dst);
        c1.StoreUnsafe(ref dst, lanes);
    }
}
