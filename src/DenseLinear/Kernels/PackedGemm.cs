using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DenseLinear.Kernels;

/// <summary>
/// The BLIS-style loop nest shared by <see cref="PackedKernel{T}"/> and <see cref="ParallelKernel{T}"/>:
/// weights in column panels of <see cref="NR"/>, x in row panels of <see cref="MR"/>, an MR×NR register tile.
/// Every output is the chain <c>acc = 0; for p = 0..k-1: acc = fma(x[i,p], W(p,j), acc)</c>: k is cut into KC
/// blocks, but each block reloads the tile from y and continues the chain, so blocking, tiling, threading and
/// the batch size never change a bit of the result.
/// </summary>
/// <remarks>
/// <para>Block sizes come from a <see cref="GemmBlocking{T}"/>, chosen per machine; every loop takes the one its
/// kernel holds.</para>
/// <para>The loops are compiled fully optimized up front (AggressiveOptimization): otherwise the first large
/// product would run in the unoptimized first JIT tier until on-stack replacement kicks in.</para>
/// </remarks>
internal static class PackedGemm<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int MR => MicroKernels<T>.MR;

    public static int NR => MicroKernels<T>.NR;

    /// <summary>Values of p per packing block: 64 × NR·sizeof(T) (128 B) = 8 KiB of one panel.</summary>
    private const int PackBlock = 64;

    // One packed-x block per thread, allocated on first use, grown when a blocking needs more, and reused by every
    // later call on that thread.
    [ThreadStatic]
    private static T[]? xBlock;

    public static int PanelCount(int n) => (n + NR - 1) / NR;

    /// <summary>
    /// Panels per chunk for a call that packs its own weights: one NC block, so the buffer is at most k·NC
    /// however large n is, and fewer if that would not fit an array; 0 if not even one k×NR panel fits.
    /// </summary>
    public static int ChunkPanels(GemmBlocking<T> blocking, int k, int panels) =>
        (int)Math.Min(Math.Min(panels, blocking.NCPanels), ArrayLength.BlocksPerArray(1L * k * NR));

    /// <summary>
    /// Panels per group when a one-row call packs its own weights (<see cref="PackAndMultiply"/>): as many k×NR panels
    /// as <see cref="GemmBlocking{T}.StreamBytes"/> holds, at least one and at most one NC block.
    /// </summary>
    public static int StreamPanels(GemmBlocking<T> blocking, int k) =>
        (int)Math.Clamp(blocking.StreamBytes / Math.Max(1L * k * NR * Unsafe.SizeOf<T>(), 1), 1, blocking.NCPanels);

    /// <summary>
    /// y for rows [0, m) and the columns of panels [panelStart, panelEnd), packing <paramref name="group"/> panels
    /// of W at a time into <paramref name="buffer"/> (group·k·NR elements) and multiplying them at once.
    /// </summary>
    public static void PackAndMultiply(GemmBlocking<T> blocking, ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout, int panelStart, int panelEnd, int group, Span<T> buffer)
    {
        for (int first = panelStart; first < panelEnd; first += group)
        {
            int end = Math.Min(first + group, panelEnd);
            PackWeights(w, k, n, layout, buffer, first, first, end);
            Multiply(blocking, x, buffer, first, y, k, n, 0, m, first, end);
        }
    }

    /// <summary>
    /// Packs panels [first, end) of W into <paramref name="packed"/>, which starts at panel
    /// <paramref name="packedFirst"/>, zero-padding the last panel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackWeights(ReadOnlySpan<T> w, int k, int n, WeightLayout layout, Span<T> packed, int packedFirst, int first, int end)
    {
        if (layout == WeightLayout.InOut)
        {
            PackInOutWeights(w, k, n, packed, packedFirst, first, end);
            return;
        }

        int nr = NR;
        for (int jp = first; jp < end; jp++)
        {
            Span<T> panel = packed.Slice((jp - packedFirst) * k * nr, k * nr);
            int j0 = jp * nr;
            int width = Math.Min(nr, n - j0);
            if (width < nr)
            {
                panel.Clear();
            }

            // Transposed in blocks of PackBlock values of p (register transposes for whole panels, scalar
            // copies for the zero-padded last one): the NR rows are read sequentially and the 8 KiB destination
            // block stays in L1 while they fill it. Walking all NR rows per single p instead hits one cache set
            // NR times when k·sizeof(T) is a multiple of 4 KiB.
            ref T source = ref Unsafe.Add(ref MemoryMarshal.GetReference(w), j0 * k);
            ref T target = ref MemoryMarshal.GetReference(panel);
            for (int p0 = 0; p0 < k; p0 += PackBlock)
            {
                int pEnd = Math.Min(p0 + PackBlock, k);
                if (width == nr && MicroKernels<T>.HasPanelTranspose)
                {
                    TransposeFullPanel(ref source, ref target, k, p0, pEnd);
                    continue;
                }

                for (int lane = 0; lane < width; lane++)
                {
                    ref T row = ref Unsafe.Add(ref source, lane * k);
                    for (int p = p0; p < pEnd; p++)
                    {
                        Unsafe.Add(ref target, (p * nr) + lane) = Unsafe.Add(ref row, p);
                    }
                }
            }
        }
    }

    /// <summary>Panels [first, end) of K [k×n] (InOut): each panel row is NR contiguous values of a row of K.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackInOutWeights(ReadOnlySpan<T> w, int k, int n, Span<T> packed, int packedFirst, int first, int end)
    {
        int nr = NR;
        ref T source = ref MemoryMarshal.GetReference(w);
        int wholeEnd = Math.Min(end, n / nr);

        // Blocks of PackBlock values of p, every whole panel per block: the block's rows stay in L2 while each
        // panel takes its NR values from them. One panel at a time down all k rows instead fetches a single line
        // per row from memory at a stride the prefetchers do not follow, once per panel.
        // p0 steps to pEnd, never past k: with no whole panel k may be up to int.MaxValue, where p0 + PackBlock
        // would overflow and the loop would never end.
        for (int p0 = 0, pEnd; p0 < k && first < wholeEnd; p0 = pEnd)
        {
            pEnd = p0 + Math.Min(PackBlock, k - p0);
            for (int jp = first; jp < wholeEnd; jp++)
            {
                ref T target = ref packed[(jp - packedFirst) * k * nr];
                for (int p = p0; p < pEnd; p++)
                {
                    MicroKernels<T>.CopyPanelRow(ref Unsafe.Add(ref source, (p * n) + (jp * nr)), ref Unsafe.Add(ref target, p * nr));
                }
            }
        }

        // The last panel, when n is not a multiple of NR: its width, zero-padded.
        for (int jp = Math.Max(first, wholeEnd); jp < end; jp++)
        {
            Span<T> panel = packed.Slice((jp - packedFirst) * k * nr, k * nr);
            panel.Clear();
            int j0 = jp * nr;
            int width = n - j0;
            for (int p = 0; p < k; p++)
            {
                w.Slice((p * n) + j0, width).CopyTo(panel.Slice(p * nr, width));
            }
        }
    }

    /// <summary>
    /// The whole product on the calling thread, as <see cref="PackedKernel{T}.Multiply(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int, WeightLayout)"/>
    /// computes it, for arguments <see cref="MatMulArguments.Validate{T}"/> has accepted: the kernels validate once and
    /// then call this.
    /// </summary>
    public static void MultiplyOnOneThread(GemmBlocking<T> blocking, ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            y[..(m * n)].Clear();
            return;
        }

        if (m == 1 && layout == WeightLayout.InOut)
        {
            // A single row reuses no weight, so packing would only add a copy: read K in place.
            MultiplySingleRowInOut(blocking, x, w, y, k, n);
            return;
        }

        if (layout == WeightLayout.InOut && ReadsXInPlace(blocking, k, n))
        {
            // Small enough that x and K stay in cache: tiles read both where they lie, with no packing.
            MultiplyInOutInPlace(x, w, y, m, k, n);
            return;
        }

        int panels = PanelCount(n);
        int chunk = ChunkPanels(blocking, k, panels);
        if (chunk == 0)
        {
            MultiplyChains(x, w, y, m, k, n, layout);
            return;
        }

        // One row uses each packed panel once, so it packs half of L2's worth at a time and reads it back from L2;
        // taller products pack an NC block, which every block of x then reuses.
        int group = m == 1 ? Math.Min(chunk, StreamPanels(blocking, k)) : chunk;
        T[] packed = ArrayPool<T>.Shared.Rent(group * k * NR);
        try
        {
            PackAndMultiply(blocking, x, w, y, m, k, n, layout, 0, panels, group, packed);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packed);
        }
    }

    /// <summary>
    /// The product with packed weights on the calling thread, for arguments
    /// <see cref="PackedWeights{T}.ValidateMultiply"/> has accepted.
    /// </summary>
    public static void MultiplyPackedOnOneThread(GemmBlocking<T> blocking, ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m)
    {
        int k = w.K;
        int n = w.N;
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            y[..(m * n)].Clear();
            return;
        }

        Multiply(blocking, x, w.Panels, 0, y, k, n, 0, m, 0, PanelCount(n));
    }

    /// <summary>
    /// Writes y[rows, columns of panels [panelStart, panelEnd)] for rows [rowStart, rowEnd). The caller has
    /// validated x [m×k] and y (≥ m·n), k &gt; 0, and <paramref name="packed"/> holds k×NR panels from panel
    /// <paramref name="packedFirst"/> to at least <paramref name="panelEnd"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(GemmBlocking<T> blocking, ReadOnlySpan<T> x, ReadOnlySpan<T> packed, int packedFirst, Span<T> y, int k, int n, int rowStart, int rowEnd, int panelStart, int panelEnd)
    {
        int nr = NR;
        if (rowEnd - rowStart == 1)
        {
            ref T panel = ref Unsafe.AsRef(in packed[(panelStart - packedFirst) * k * nr]);
            MultiplySingleRow(k, ref Unsafe.AsRef(in x[rowStart * k]), ref panel, k * nr, nr, y.Slice(rowStart * n, n), n, panelStart, panelEnd, Streams(blocking, k, panelEnd - panelStart));
            return;
        }

        if (ReadsXInPlace(blocking, k, n))
        {
            ref T first = ref Unsafe.AsRef(in packed[(panelStart - packedFirst) * k * nr]);
            MultiplyInPlace(x, ref first, k * nr, nr, y, k, n, rowStart, rowEnd, panelStart, panelEnd);
            return;
        }

        int mc = blocking.MC;
        int kcMax = blocking.KC;
        int ncPanels = blocking.NCPanels;
        int mr = MR;
        if (xBlock is null || xBlock.Length < mc * kcMax)
        {
            xBlock = new T[mc * kcMax];
        }

        T[] block = xBlock;
        Span<T> edge = stackalloc T[MicroKernels<T>.MaxMR * MicroKernels<T>.MaxNR];
        ref T yRef = ref MemoryMarshal.GetReference(y);
        for (int jc = panelStart; jc < panelEnd; jc += ncPanels)
        {
            int jcEnd = Math.Min(jc + ncPanels, panelEnd);
            for (int pc = 0; pc < k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, k - pc);

                // The first block starts the chains at zero (y is never read); later blocks continue them from y.
                bool accumulate = pc > 0;
                for (int ic = rowStart; ic < rowEnd; ic += mc)
                {
                    int rows = Math.Min(mc, rowEnd - ic);
                    PackRows(x, k, ic, rows, pc, kc, block);
                    for (int jp = jc; jp < jcEnd; jp++)
                    {
                        ref T b = ref Unsafe.AsRef(in packed[((jp - packedFirst) * k * nr) + (pc * nr)]);
                        int j0 = jp * nr;
                        int width = Math.Min(nr, n - j0);
                        for (int ir = 0; ir < rows; ir += mr)
                        {
                            ref T a = ref block[ir * kc];
                            int height = Math.Min(mr, rows - ir);
                            int offset = ((ic + ir) * n) + j0;
                            if (height == mr && width == nr)
                            {
                                MicroKernels<T>.Tile(kc, ref a, ref b, ref Unsafe.Add(ref yRef, offset), n, accumulate);
                            }
                            else
                            {
                                EdgeTile(kc, ref a, ref b, y.Slice(offset), n, height, width, accumulate, edge);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether a product of this k and n reads x in place (<see cref="MultiplyInPlace"/>) instead of packing it: the
    /// path has in-place tiles, k needs no blocking (≤ KC), and the weights fit
    /// <see cref="GemmBlocking{T}.InPlaceBytes"/>, so they stay in cache for every row tile.
    /// </summary>
    public static bool ReadsXInPlace(GemmBlocking<T> blocking, int k, int n) =>
        MicroKernels<T>.HasInPlaceTiles && k <= blocking.KC && (long)k * n * Unsafe.SizeOf<T>() <= blocking.InPlaceBytes;

    /// <summary>
    /// x [m×k] · K [k×n] with both read in place (<see cref="ReadsXInPlace"/> holds): the whole panels straight from
    /// K, rows n apart; a partial last panel, whose vectors would run past K's rows, packed on its own.
    /// </summary>
    public static void MultiplyInOutInPlace(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n)
    {
        int nr = NR;
        int whole = n / nr;
        MultiplyInPlace(x, ref MemoryMarshal.GetReference(w), nr, n, y, k, n, 0, m, 0, whole);
        if (whole * nr == n)
        {
            return;
        }

        T[] last = ArrayPool<T>.Shared.Rent(k * nr);
        try
        {
            PackWeights(w, k, n, WeightLayout.InOut, last, whole, whole, whole + 1);
            MultiplyInPlace(x, ref last[0], k * nr, nr, y, k, n, 0, m, whole, whole + 1);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(last);
        }
    }

    /// <summary>
    /// y for rows [rowStart, rowEnd) and the columns of panels [panelStart, panelEnd), x read where it lies and each
    /// chain run over the whole k: 12-row and 4-row in-place tiles, then the one-row kernel for the last rows. A
    /// whole panel writes straight into y, a partial one (zero-padded, so packed) through scratch. b is panel
    /// panelStart; panels are <paramref name="panelStride"/> apart and a panel's rows <paramref name="ldb"/> apart
    /// (packed: k·NR and NR; K itself: NR and n).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyInPlace(ReadOnlySpan<T> x, ref T b, nint panelStride, nint ldb, Span<T> y, int k, int n, int rowStart, int rowEnd, int panelStart, int panelEnd)
    {
        Span<T> scratch = stackalloc T[MicroKernels<T>.InPlaceRows * MicroKernels<T>.MaxNR];
        int i = rowStart;
        for (; i + MicroKernels<T>.InPlaceRows <= rowEnd; i += MicroKernels<T>.InPlaceRows)
        {
            InPlaceRowTile(MicroKernels<T>.InPlaceRows, x, ref b, panelStride, ldb, y, k, n, i, panelStart, panelEnd, scratch);
        }

        for (; i + MicroKernels<T>.InPlaceEdgeRows <= rowEnd; i += MicroKernels<T>.InPlaceEdgeRows)
        {
            InPlaceRowTile(MicroKernels<T>.InPlaceEdgeRows, x, ref b, panelStride, ldb, y, k, n, i, panelStart, panelEnd, scratch);
        }

        for (; i < rowEnd; i++)
        {
            MultiplySingleRow(k, ref Unsafe.AsRef(in x[i * k]), ref b, panelStride, ldb, y.Slice(i * n, n), n, panelStart, panelEnd, prefetch: false);
        }
    }

    /// <summary>One band of <paramref name="rows"/> (12 or 4) rows of <see cref="MultiplyInPlace"/>, every panel.</summary>
    private static void InPlaceRowTile(int rows, ReadOnlySpan<T> x, ref T b, nint panelStride, nint ldb, Span<T> y, int k, int n, int i, int panelStart, int panelEnd, Span<T> scratch)
    {
        int nr = NR;
        ref T xRow = ref Unsafe.AsRef(in x[i * k]);
        for (int jp = panelStart; jp < panelEnd; jp++)
        {
            ref T panel = ref Unsafe.Add(ref b, (jp - panelStart) * panelStride);
            int j0 = jp * nr;
            int width = n - j0;
            bool whole = width >= nr;
            ref T c = ref whole ? ref y[(i * n) + j0] : ref MemoryMarshal.GetReference(scratch);
            nint ldc = whole ? n : nr;
            if (rows == MicroKernels<T>.InPlaceRows)
            {
                MicroKernels<T>.InPlaceTile(k, ref xRow, k, ref panel, ldb, ref c, ldc);
            }
            else
            {
                MicroKernels<T>.InPlaceEdgeTile(k, ref xRow, k, ref panel, ldb, ref c, ldc);
            }

            if (!whole)
            {
                for (int r = 0; r < rows; r++)
                {
                    scratch.Slice(r * nr, width).CopyTo(y.Slice(((i + r) * n) + j0, width));
                }
            }
        }
    }

    /// <summary>
    /// A partial tile: a whole-height tile of a partial panel runs in a scratch tile; the rows below the last whole
    /// tile run <see cref="MicroKernels{T}.EdgeRows"/> at a time, straight into y where they are whole, in scratch
    /// otherwise. Only the valid height × width part of y is touched.
    /// </summary>
    internal static void EdgeTile(int kc, ref T a, ref T b, Span<T> y, int n, int height, int width, bool accumulate, Span<T> scratch)
    {
        int nr = NR;
        if (height == MR)
        {
            ScratchTile(kc, ref a, ref b, y, n, height, width, accumulate, scratch);
            return;
        }

        int step = MicroKernels<T>.EdgeRows;
        for (int r0 = 0; r0 < height; r0 += step)
        {
            int rows = Math.Min(step, height - r0);
            ref T a0 = ref Unsafe.Add(ref a, r0);
            if (rows == step && width == nr)
            {
                MicroKernels<T>.EdgeTile(kc, ref a0, ref b, ref y[r0 * n], n, accumulate);
            }
            else
            {
                ScratchTile(kc, ref a0, ref b, y.Slice(r0 * n), n, rows, width, accumulate, scratch);
            }
        }
    }

    /// <summary>One tile (MR or <see cref="MicroKernels{T}.EdgeRows"/> high) in scratch, then its valid part to y.</summary>
    private static void ScratchTile(int kc, ref T a, ref T b, Span<T> y, int n, int height, int width, bool accumulate, Span<T> scratch)
    {
        int nr = NR;
        if (accumulate)
        {
            for (int r = 0; r < height; r++)
            {
                y.Slice(r * n, width).CopyTo(scratch.Slice(r * nr, width));
            }
        }

        ref T c = ref MemoryMarshal.GetReference(scratch);
        if (height > MicroKernels<T>.EdgeRows)
        {
            MicroKernels<T>.Tile(kc, ref a, ref b, ref c, nr, accumulate);
        }
        else
        {
            MicroKernels<T>.EdgeTile(kc, ref a, ref b, ref c, nr, accumulate);
        }

        for (int r = 0; r < height; r++)
        {
            scratch.Slice(r * nr, width).CopyTo(y.Slice(r * n, width));
        }
    }

    /// <summary>panel[p, lane] = W[lane, p] for p in [p0, pEnd): L×L register transposes, then the p tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposeFullPanel(ref T source, ref T target, int k, int p0, int pEnd)
    {
        int nr = NR;
        int lanes = Vector256<T>.Count;
        int p = p0;
        for (; p + lanes <= pEnd; p += lanes)
        {
            for (int lane = 0; lane < nr; lane += lanes)
            {
                PanelTranspose<T>.Block(ref Unsafe.Add(ref source, (lane * k) + p), k, ref Unsafe.Add(ref target, (p * nr) + lane), nr);
            }
        }

        for (; p < pEnd; p++)
        {
            for (int lane = 0; lane < nr; lane++)
            {
                Unsafe.Add(ref target, (p * nr) + lane) = Unsafe.Add(ref source, (lane * k) + p);
            }
        }
    }

    /// <summary>Packs x[rowStart.., pc..pc+kc) into MR-row panels, p-major, zero rows below the last row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PackRows(ReadOnlySpan<T> x, int k, int rowStart, int rows, int pc, int kc, T[] block)
    {
        ref T source = ref MemoryMarshal.GetReference(x);
        int lanes = Vector256<T>.Count;
        int mr = MR;
        for (int ir = 0; ir < rows; ir += mr)
        {
            int height = Math.Min(mr, rows - ir);
            Span<T> panel = block.AsSpan(ir * kc, kc * mr);
            ref T target = ref MemoryMarshal.GetReference(panel);
            ref T first = ref Unsafe.Add(ref source, ((rowStart + ir) * k) + pc);
            int p = 0;
            if (height == mr && MicroKernels<T>.HasPanelTranspose)
            {
                // L values of p per register transpose. Each one's stores may spill into the next p, so the loop
                // stops while at least one p is left for the scalar tail below, which overwrites the last spill:
                // nothing past the panel is written, and no x value outside the rows' kc values is read.
                for (; p + lanes < kc; p += lanes)
                {
                    MicroKernels<T>.TransposeRowsOfPanel(ref Unsafe.Add(ref first, p), k, ref Unsafe.Add(ref target, p * mr));
                }
            }
            else if (height < mr)
            {
                panel.Clear();
            }

            for (int r = 0; r < height; r++)
            {
                ref T row = ref Unsafe.Add(ref first, r * k);
                for (int q = p; q < kc; q++)
                {
                    panel[(q * mr) + r] = Unsafe.Add(ref row, q);
                }
            }
        }
    }

    /// <summary>Whether a row's weights, k × panels·NR, exceed L2 (twice the stream bytes), so they come from memory.</summary>
    private static bool Streams(GemmBlocking<T> blocking, int k, int panels) =>
        (long)k * panels * NR * Unsafe.SizeOf<T>() > 2 * blocking.StreamBytes;

    /// <summary>
    /// One row x against panels [panelStart, panelEnd) into its output row y: no x packing, whole k per chain,
    /// <see cref="MicroKernels{T}.SingleRowPanels"/> panels per sweep. b is panel panelStart; panels are
    /// <paramref name="panelStride"/> apart and a panel's rows <paramref name="ldb"/> apart (packed: k·NR and NR; K
    /// itself: NR and n, whole panels only). Of a partial last panel (packed, so zero-padded) only its width is written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplySingleRow(int k, ref T x, ref T b, nint panelStride, nint ldb, Span<T> y, int n, int panelStart, int panelEnd, bool prefetch)
    {
        int nr = NR;
        Span<T> scratch = stackalloc T[MicroKernels<T>.SingleRowPanels * MicroKernels<T>.MaxNR];
        for (int jp = panelStart; jp < panelEnd; jp += MicroKernels<T>.SingleRowPanels)
        {
            int panels = Math.Min(MicroKernels<T>.SingleRowPanels, panelEnd - jp);
            MicroKernels<T>.SingleRow(k, ref x, ref Unsafe.Add(ref b, (jp - panelStart) * panelStride), panelStride, ldb, panels, ref MemoryMarshal.GetReference(scratch), prefetch);
            int j0 = jp * nr;
            int width = Math.Min(panels * nr, n - j0);
            scratch[..width].CopyTo(y.Slice(j0, width));
        }
    }

    /// <summary>One row against an unpacked K [k×n] (InOut), read in place with stride n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplySingleRowInOut(GemmBlocking<T> blocking, ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int k, int n)
    {
        ref T xRef = ref MemoryMarshal.GetReference(x);
        ref T wRef = ref MemoryMarshal.GetReference(w);

        // Only whole panels of NR columns are read as vectors, so no load runs past the end of a K row.
        int whole = n / NR;
        MultiplySingleRow(k, ref xRef, ref wRef, NR, n, y, n, 0, whole, Streams(blocking, k, PanelCount(n)));
        for (int j = whole * NR; j < n; j++)
        {
            T acc = T.Zero;
            for (int p = 0; p < k; p++)
            {
                acc = T.FusedMultiplyAdd(Unsafe.Add(ref xRef, p), Unsafe.Add(ref wRef, (p * n) + j), acc);
            }

            y[j] = acc;
        }
    }

    /// <summary>
    /// The same chains without packing, one output at a time: only for k so large that a single k×NR panel
    /// would not fit an array.
    /// </summary>
    public static void MultiplyChains(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<T> row = x.Slice(i * k, k);
            for (int j = 0; j < n; j++)
            {
                T acc = T.Zero;
                for (int p = 0; p < k; p++)
                {
                    acc = T.FusedMultiplyAdd(row[p], layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p], acc);
                }

                y[(i * n) + j] = acc;
            }
        }
    }
}
