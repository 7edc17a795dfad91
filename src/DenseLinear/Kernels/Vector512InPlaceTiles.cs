using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DenseLinear.Kernels;

/// <summary>
/// AVX-512 tiles that read x where it lies (rows <c>ldx</c> apart) instead of from a packed panel, for products
/// small enough that packing x would cost more than it saves (<see cref="PackedGemm{T}"/> decides). The weights
/// come from a packed panel (<c>ldb</c> = NR) or straight from K (<c>ldb</c> = n). Each output is still the one
/// chain <c>acc = fma(x[i, p], W(p, j), acc)</c> from zero over the whole k, so the bits are those of every
/// other path.
/// </summary>
/// <remarks>
/// The register budget is that of <see cref="Vector512MicroKernels{T}"/>: 12 rows × 2 vectors of accumulators and
/// the two weight vectors; the 4-row tile finishes row edges. No k blocking: the caller keeps these tiles to k ≤ KC,
/// where the tile's x rows and weight strip stay in cache.
/// </remarks>
internal static class Vector512InPlaceTiles<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of the main tile.</summary>
    public const int Rows = 12;

    /// <summary>Rows of the edge tile.</summary>
    public const int EdgeRows = 4;

    private static nuint Lanes => (nuint)Vector512<T>.Count;

    /// <summary>
    /// <c>c[r, l] = chain over p of x[r·ldx + p] · b[p·ldb + l]</c>, from zero, for r &lt; 12 and l &lt; NR.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile(int k, ref T x, nint ldx, ref T b, nint ldb, ref T c, nint ldc)
    {
        nuint lanes = Lanes;
        nuint s = (nuint)ldc;
        Vector512<T> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71, c80, c81, c90, c91, cA0, cA1, cB0, cB1;
        c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = c80 = c81 = c90 = c91 = cA0 = cA1 = cB0 = cB1 = Vector512<T>.Zero;

        // Four row pointers three rows apart: each row is a base plus 0, 1 or 2 strides, which the
        // addressing modes take without a register per row.
        ref T x3 = ref Unsafe.Add(ref x, 3 * ldx);
        ref T x6 = ref Unsafe.Add(ref x, 6 * ldx);
        ref T x9 = ref Unsafe.Add(ref x, 9 * ldx);
        for (int p = 0; p < k; p++)
        {
            Vector512<T> b0 = Vector512.LoadUnsafe(ref b);
            Vector512<T> b1 = Vector512.LoadUnsafe(ref b, lanes);
            Vector512<T> a0 = Vector512.Create(x);
            c00 = Fma(a0, b0, c00);
            c01 = Fma(a0, b1, c01);
            Vector512<T> a1 = Vector512.Create(Unsafe.Add(ref x, ldx));
            c10 = Fma(a1, b0, c10);
            c11 = Fma(a1, b1, c11);
            Vector512<T> a2 = Vector512.Create(Unsafe.Add(ref x, 2 * ldx));
            c20 = Fma(a2, b0, c20);
            c21 = Fma(a2, b1, c21);
            Vector512<T> a3 = Vector512.Create(x3);
            c30 = Fma(a3, b0, c30);
            c31 = Fma(a3, b1, c31);
            Vector512<T> a4 = Vector512.Create(Unsafe.Add(ref x3, ldx));
            c40 = Fma(a4, b0, c40);
            c41 = Fma(a4, b1, c41);
            Vector512<T> a5 = Vector512.Create(Unsafe.Add(ref x3, 2 * ldx));
            c50 = Fma(a5, b0, c50);
            c51 = Fma(a5, b1, c51);
            Vector512<T> a6 = Vector512.Create(x6);
            c60 = Fma(a6, b0, c60);
            c61 = Fma(a6, b1, c61);
            Vector512<T> a7 = Vector512.Create(Unsafe.Add(ref x6, ldx));
            c70 = Fma(a7, b0, c70);
            c71 = Fma(a7, b1, c71);
            Vector512<T> a8 = Vector512.Create(Unsafe.Add(ref x6, 2 * ldx));
            c80 = Fma(a8, b0, c80);
            c81 = Fma(a8, b1, c81);
            Vector512<T> a9 = Vector512.Create(x9);
            c90 = Fma(a9, b0, c90);
            c91 = Fma(a9, b1, c91);
            Vector512<T> aA = Vector512.Create(Unsafe.Add(ref x9, ldx));
            cA0 = Fma(aA, b0, cA0);
            cA1 = Fma(aA, b1, cA1);
            Vector512<T> aB = Vector512.Create(Unsafe.Add(ref x9, 2 * ldx));
            cB0 = Fma(aB, b0, cB0);
            cB1 = Fma(aB, b1, cB1);
            x = ref Unsafe.Add(ref x, 1);
            x3 = ref Unsafe.Add(ref x3, 1);
            x6 = ref Unsafe.Add(ref x6, 1);
            x9 = ref Unsafe.Add(ref x9, 1);
            b = ref Unsafe.Add(ref b, ldb);
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
    /// The same for r &lt; 4: the rows a 12-row step leaves over.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void EdgeTile(int k, ref T x, nint ldx, ref T b, nint ldb, ref T c, nint ldc)
    {
        nuint lanes = Lanes;
        nuint s = (nuint)ldc;
        Vector512<T> c00, c01, c10, c11, c20, c21, c30, c31;
        c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector512<T>.Zero;
        for (int p = 0; p < k; p++)
        {
            Vector512<T> b0 = Vector512.LoadUnsafe(ref b);
            Vector512<T> b1 = Vector512.LoadUnsafe(ref b, lanes);
            Vector512<T> a0 = Vector512.Create(x);
            c00 = Fma(a0, b0, c00);
            c01 = Fma(a0, b1, c01);
            Vector512<T> a1 = Vector512.Create(Unsafe.Add(ref x, ldx));
            c10 = Fma(a1, b0, c10);
            c11 = Fma(a1, b1, c11);
            Vector512<T> a2 = Vector512.Create(Unsafe.Add(ref x, 2 * ldx));
            c20 = Fma(a2, b0, c20);
            c21 = Fma(a2, b1, c21);
            Vector512<T> a3 = Vector512.Create(Unsafe.Add(ref x, 3 * ldx));
            c30 = Fma(a3, b0, c30);
            c31 = Fma(a3, b1, c31);
            x = ref Unsafe.Add(ref x, 1);
            b = ref Unsafe.Add(ref b, ldb);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma(Vector512<T> a, Vector512<T> b, Vector512<T> c) => Vector512MicroKernels<T>.Fma(a, b, c);
}
