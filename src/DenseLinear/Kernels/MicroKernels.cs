using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DenseLinear.Kernels;

/// <summary>
/// The register-blocked inner loops of <see cref="PackedGemm{T}"/>, picked at run time: AVX-512
/// (<see cref="Vector512MicroKernels{T}"/>) where <see cref="Vector512.IsHardwareAccelerated"/>, else AVX2 with FMA
/// (<see cref="Vector256MicroKernels{T}"/>), else the scalar loops below. Each keeps, per output, the chain
/// <c>acc = fma(x[p], w[p], acc)</c> in increasing p, so which path runs never changes a bit of the result.
/// </summary>
internal static class MicroKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The largest <see cref="MR"/> of any path, for scratch tiles.</summary>
    public const int MaxMR = Vector512MicroKernels<T>.MR;

    /// <summary>The largest <see cref="NR"/> over float and double, for scratch tiles.</summary>
    public const int MaxNR = 32;

    /// <summary>Panels per sweep of the one-row kernel.</summary>
    public const int SingleRowPanels = 4;

    /// <summary>Which path runs: fixed for the process, since the JIT decides it once.</summary>
    public static MicroKernelPath Path =>
        Vector512.IsHardwareAccelerated ? MicroKernelPath.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? MicroKernelPath.Vector256
        : MicroKernelPath.Scalar;

    /// <summary>
    /// Whether the packing routines may use the register transposes of <see cref="PanelTranspose{T}"/> (AVX, float or
    /// double); otherwise they copy element by element. A transpose moves values without arithmetic, so the choice
    /// changes the speed of packing, never a bit of a panel.
    /// </summary>
    public static bool HasPanelTranspose => Avx.IsSupported && (typeof(T) == typeof(float) || typeof(T) == typeof(double));

    /// <summary>
    /// One step of packing an <see cref="MR"/>-row x panel: from each of the MR rows starting at
    /// <paramref name="first"/> (<paramref name="rowStride"/> apart), one vector of consecutive p, written p-major
    /// (MR values per p) at <paramref name="target"/>. Needs <see cref="HasPanelTranspose"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TransposeRowsOfPanel(ref T first, nint rowStride, ref T target)
    {
        if (Path == MicroKernelPath.Vector512)
        {
            PanelTranspose<T>.TwelveRows(ref first, rowStride, ref target);
        }
        else
        {
            PanelTranspose<T>.SixRows(ref first, rowStride, ref target);
        }
    }

    /// <summary>
    /// Copies one whole panel row (NR values, 128 bytes) with the widest accelerated vectors, rather than a memmove
    /// call per row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyPanelRow(ref T source, ref T target)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            nuint lanes = (nuint)Vector512<T>.Count;
            Vector512.LoadUnsafe(ref source).StoreUnsafe(ref target);
            Vector512.LoadUnsafe(ref source, lanes).StoreUnsafe(ref target, lanes);
        }
        else
        {
            Unsafe.CopyBlockUnaligned(ref Unsafe.As<T, byte>(ref target), ref Unsafe.As<T, byte>(ref source), (uint)(NR * Unsafe.SizeOf<T>()));
        }
    }

    /// <summary>
    /// Columns per panel: two Vector512 (32 floats, 16 doubles) on every path. The AVX2 path takes a panel as two
    /// halves, so packed weights have one format whatever the hardware, and weights packed on one path are read
    /// unchanged by another.
    /// </summary>
    public static int NR => 2 * Vector512<T>.Count;

    /// <summary>Rows per tile, and so per packed x panel: 12 on the AVX-512 path, 6 on the others.</summary>
    public static int MR => RowsOf(Path);

    /// <summary>Rows per <see cref="EdgeTile"/>: 4 on the AVX-512 path, a whole <see cref="MR"/> on the others.</summary>
    public static int EdgeRows => Path == MicroKernelPath.Vector512 ? Vector512MicroKernels<T>.EdgeRows : MR;

    /// <summary>
    /// <c>c[r, l] = fma(a[p·MR + r], b[p·NR + l], c[r, l])</c> for p = 0..kc-1 on an MR×NR tile of c (row stride
    /// ldc), starting from c when <paramref name="accumulate"/>, else from zero (c is then not read).
    /// a is an MR-row panel, b an NR-column panel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tile(int kc, ref T a, ref T b, ref T c, nint ldc, bool accumulate) =>
        TileOn(Path, kc, ref a, ref b, ref c, ldc, accumulate);

    /// <summary>
    /// <see cref="Tile"/> on <paramref name="path"/>, whichever the process dispatches (a <see cref="RowsOf"/>-row
    /// panel); internal so the tests can hold every path this machine runs to the scalar loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void TileOn(MicroKernelPath path, int kc, ref T a, ref T b, ref T c, nint ldc, bool accumulate)
    {
        switch (path)
        {
            case MicroKernelPath.Vector512:
                Vector512MicroKernels<T>.Tile(kc, ref a, ref b, ref c, ldc, accumulate);
                break;
            case MicroKernelPath.Vector256:
                int half = NR / 2;
                Vector256MicroKernels<T>.HalfTile(kc, ref a, ref b, NR, ref c, ldc, accumulate);
                Vector256MicroKernels<T>.HalfTile(kc, ref a, ref Unsafe.Add(ref b, half), NR, ref Unsafe.Add(ref c, half), ldc, accumulate);
                break;
            default:
                ScalarTile(kc, RowsOf(path), ref a, RowsOf(path), ref b, ref c, ldc, accumulate);
                break;
        }
    }

    /// <summary>
    /// <see cref="Tile"/> on the first <see cref="EdgeRows"/> rows of an MR-row panel (a points at the first of
    /// them, rows MR apart): how the rows left over by whole tiles are finished.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EdgeTile(int kc, ref T a, ref T b, ref T c, nint ldc, bool accumulate)
    {
        if (Path == MicroKernelPath.Vector512)
        {
            Vector512MicroKernels<T>.EdgeTile(kc, ref a, MR, ref b, ref c, ldc, accumulate);
        }
        else
        {
            Tile(kc, ref a, ref b, ref c, ldc, accumulate);
        }
    }

    /// <summary>Whether this path has tiles that read x in place (<see cref="InPlaceTile"/>): the AVX-512 path.</summary>
    public static bool HasInPlaceTiles => Path == MicroKernelPath.Vector512;

    /// <summary>Rows of <see cref="InPlaceTile"/>.</summary>
    public const int InPlaceRows = Vector512InPlaceTiles<T>.Rows;

    /// <summary>Rows of <see cref="InPlaceEdgeTile"/>.</summary>
    public const int InPlaceEdgeRows = Vector512InPlaceTiles<T>.EdgeRows;

    /// <summary>
    /// <c>c[r, l] = chain over p of x[r·ldx + p] · b[p·ldb + l]</c> from zero, for <see cref="InPlaceRows"/> rows of
    /// x read where they lie; only where <see cref="HasInPlaceTiles"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void InPlaceTile(int k, ref T x, nint ldx, ref T b, nint ldb, ref T c, nint ldc) =>
        Vector512InPlaceTiles<T>.Tile(k, ref x, ldx, ref b, ldb, ref c, ldc);

    /// <summary><see cref="InPlaceTile"/> for <see cref="InPlaceEdgeRows"/> rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void InPlaceEdgeTile(int k, ref T x, nint ldx, ref T b, nint ldb, ref T c, nint ldc) =>
        Vector512InPlaceTiles<T>.EdgeTile(k, ref x, ldx, ref b, ldb, ref c, ldc);

    /// <summary>
    /// <c>dst[q·NR + l] = chain over p of x[p] · b[q·panelStride + p·rowStride + l]</c> for <paramref name="panels"/>
    /// (1..4) groups of NR columns, each chain from zero over the whole k. <paramref name="prefetch"/> asks the paths
    /// that can to fetch the weights ahead, for weights streamed from memory; it changes no value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SingleRow(int k, ref T x, ref T b, nint panelStride, nint rowStride, int panels, ref T dst, bool prefetch = false) =>
        SingleRowOn(Path, k, ref x, ref b, panelStride, rowStride, panels, ref dst, prefetch);

    /// <summary><see cref="SingleRow"/> on <paramref name="path"/>; internal for the tests, as <see cref="TileOn"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SingleRowOn(MicroKernelPath path, int k, ref T x, ref T b, nint panelStride, nint rowStride, int panels, ref T dst, bool prefetch = false)
    {
        int nr = NR;
        int q = 0;
        switch (path)
        {
            case MicroKernelPath.Vector512:
                if (panels == SingleRowPanels)
                {
                    Vector512MicroKernels<T>.SingleRow4(k, ref x, ref b, panelStride, rowStride, ref dst, prefetch);
                    return;
                }

                for (; q < panels; q++)
                {
                    Vector512MicroKernels<T>.SingleRow1(k, ref x, ref Unsafe.Add(ref b, q * panelStride), rowStride, ref Unsafe.Add(ref dst, q * nr));
                }

                return;
            case MicroKernelPath.Vector256:
                for (; q + 2 <= panels; q += 2)
                {
                    Vector256MicroKernels<T>.SingleRow2(k, ref x, ref Unsafe.Add(ref b, q * panelStride), panelStride, rowStride, ref Unsafe.Add(ref dst, q * nr));
                }

                if (q < panels)
                {
                    Vector256MicroKernels<T>.SingleRow1(k, ref x, ref Unsafe.Add(ref b, q * panelStride), rowStride, ref Unsafe.Add(ref dst, q * nr));
                }

                return;
            default:
                for (; q < panels; q++)
                {
                    ScalarSingleRow1(k, ref x, ref Unsafe.Add(ref b, q * panelStride), rowStride, ref Unsafe.Add(ref dst, q * nr));
                }

                return;
        }
    }

    /// <summary>Rows per tile on <paramref name="path"/>: 12 with AVX-512, 6 otherwise.</summary>
    internal static int RowsOf(MicroKernelPath path) =>
        path == MicroKernelPath.Vector512 ? Vector512MicroKernels<T>.MR : Vector256MicroKernels<T>.MR;

    /// <summary>
    /// The scalar fallback of the tiles: <paramref name="rows"/> rows of a panel whose rows are
    /// <paramref name="aStride"/> apart per p. Internal, not private, so the tests can hold every vector path to it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ScalarTile(int kc, int rows, ref T a, nint aStride, ref T b, ref T c, nint ldc, bool accumulate)
    {
        int nr = NR;
        for (int r = 0; r < rows; r++)
        {
            for (int lane = 0; lane < nr; lane++)
            {
                ref T target = ref Unsafe.Add(ref c, (r * ldc) + lane);
                T acc = accumulate ? target : T.Zero;
                for (int p = 0; p < kc; p++)
                {
                    acc = T.FusedMultiplyAdd(Unsafe.Add(ref a, (p * aStride) + r), Unsafe.Add(ref b, (p * nr) + lane), acc);
                }

                target = acc;
            }
        }
    }

    /// <summary>The scalar fallback of one panel of <see cref="SingleRow"/>: <c>dst[l] = chain over p of x[p]·b[p·rowStride + l]</c>.</summary>
    internal static void ScalarSingleRow1(int k, ref T x, ref T panel, nint rowStride, ref T dst)
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
}
