using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DenseLinear.Kernels;

/// <summary>
/// The blocked product of float x and 16-bit weight panels (<see cref="PackedSixteenBitWeights{TWeight}"/>): the loops
/// of <see cref="PackedGemm{T}.Multiply"/> on float, with the weights widened as the AVX-512 tiles load them, or a KC×NR
/// slice at a time into a float block that the float tiles read. Weights stay 16-bit in memory, so a product that
/// streams them moves half the bytes.
/// Widening is exact and the tiles are the float ones, so every output is the float kernel's chain
/// <c>fma(x[i, k-1], float(W(k-1, j)), … fma(x[i, 0], float(W(0, j)), 0))</c>, bit for bit.
/// </summary>
internal static class MixedPrecisionGemm
{
    // One widened KC×NR slice and one packed-x block per thread, grown when a blocking needs more.
    [ThreadStatic]
    private static float[]? wideSlice;

    [ThreadStatic]
    private static float[]? xBlock;

    /// <summary>Columns per panel: the float micro-kernels' NR, so a widened slice is a float panel slice.</summary>
    public static int NR => MicroKernels<float>.NR;

    /// <summary>Panels of NR columns for n columns.</summary>
    public static int PanelCount(int n) => (n + NR - 1) / NR;

    /// <summary>
    /// Packs W (InOut [k×n] or OutIn [n×k]) into ⌈n/NR⌉ panels of k rows of NR values, row p of panel jp at
    /// <c>(jp·k + p)·NR</c>, each column at <see cref="ScalarWidening.Position"/>; the columns past n are zero. A copy of
    /// bits: nothing is rounded.
    /// </summary>
    public static void PackWeights(ReadOnlySpan<ushort> w, int k, int n, WeightLayout layout, Span<ushort> panels)
    {
        int nr = NR;
        panels.Clear();
        for (int jp = 0; jp < PanelCount(n); jp++)
        {
            int j0 = jp * nr;
            int width = Math.Min(nr, n - j0);
            Span<ushort> panel = panels.Slice(jp * k * nr, k * nr);
            for (int l = 0; l < width; l++)
            {
                int position = ScalarWidening.Position(l);
                for (int p = 0; p < k; p++)
                {
                    panel[(p * nr) + position] = layout == WeightLayout.InOut ? w[(p * n) + j0 + l] : w[((j0 + l) * k) + p];
                }
            }
        }
    }

    /// <summary>
    /// y [m×n] = x [m×k] · widen(panels). The caller has validated the shapes; <paramref name="panels"/> holds
    /// <see cref="PanelCount"/>(n) panels of k rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply<TFormat>(GemmBlocking<float> blocking, ReadOnlySpan<float> x, ReadOnlySpan<ushort> panels, Span<float> y, int m, int k, int n)
        where TFormat : struct, ISixteenBitFormat
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

        if (m == 1)
        {
            MultiplySingleRow<TFormat>(blocking, x, panels, y, k, n);
            return;
        }

        int nr = NR;
        int mr = MicroKernels<float>.MR;
        int mc = blocking.MC;
        int kcMax = blocking.KC;
        if (xBlock is null || xBlock.Length < mc * kcMax)
        {
            xBlock = new float[mc * kcMax];
        }

        if (wideSlice is null || wideSlice.Length < kcMax * nr)
        {
            wideSlice = new float[kcMax * nr];
        }

        float[] block = xBlock;
        float[] wide = wideSlice;
        Span<float> edge = stackalloc float[MicroKernels<float>.MaxMR * MicroKernels<float>.MaxNR];
        ref float yRef = ref MemoryMarshal.GetReference(y);
        int panelCount = PanelCount(n);
        for (int jc = 0; jc < panelCount; jc += blocking.NCPanels)
        {
            int jcEnd = Math.Min(jc + blocking.NCPanels, panelCount);
            for (int pc = 0; pc < k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, k - pc);

                // The first block starts the chains at zero (y is never read); later blocks continue them from y.
                bool accumulate = pc > 0;
                for (int ic = 0; ic < m; ic += mc)
                {
                    int rows = Math.Min(mc, m - ic);
                    PackedGemm<float>.PackRows(x, k, ic, rows, pc, kc, block);
                    for (int jp = jc; jp < jcEnd; jp++)
                    {
                        ReadOnlySpan<ushort> slice = panels.Slice(((jp * k) + pc) * nr, kc * nr);
                        int j0 = jp * nr;
                        int width = Math.Min(nr, n - j0);

                        // Full tiles read a bfloat16 slice where AVX-512 widens it as it loads (a shift or a mask per
                        // vector); a float16 slice, which takes a dozen operations per vector, and edge tiles, are
                        // widened once per block of x rows and the float tiles read the float slice.
                        bool widened = false;
                        for (int ir = 0; ir < rows; ir += mr)
                        {
                            ref float a = ref block[ir * kc];
                            int height = Math.Min(mr, rows - ir);
                            int offset = ((ic + ir) * n) + j0;
                            if (height == mr && width == nr && !WideningMicroKernels.WidensIntoScratch && TFormat.WidensInOneOperation)
                            {
                                WideningMicroKernels.Tile<TFormat>(kc, ref a, ref MemoryMarshal.GetReference(slice), ref Unsafe.Add(ref yRef, offset), n, accumulate);
                                continue;
                            }

                            if (!widened)
                            {
                                WideningMicroKernels.WidenPanelRows<TFormat>(slice, wide);
                                widened = true;
                            }

                            if (height == mr && width == nr)
                            {
                                MicroKernels<float>.Tile(kc, ref a, ref wide[0], ref Unsafe.Add(ref yRef, offset), n, accumulate);
                            }
                            else
                            {
                                PackedGemm<float>.EdgeTile(kc, ref a, ref wide[0], y.Slice(offset), n, height, width, accumulate, edge);
                            }
                        }
                    }
                }
            }
        }
    }

    // One row: each panel row is widened as it is loaded (AVX-512) or a panel at a time, never the whole matrix.
    private static void MultiplySingleRow<TFormat>(GemmBlocking<float> blocking, ReadOnlySpan<float> x, ReadOnlySpan<ushort> panels, Span<float> y, int k, int n)
        where TFormat : struct, ISixteenBitFormat
    {
        int nr = NR;
        int step = MicroKernels<float>.SingleRowPanels;
        Span<float> outputs = stackalloc float[MicroKernels<float>.SingleRowPanels * MicroKernels<float>.MaxNR];
        float[] scratch = ArrayPool<float>.Shared.Rent(WideningMicroKernels.WidensIntoScratch ? k * nr : 0);
        try
        {
            ref float xRef = ref MemoryMarshal.GetReference(x);
            int panelCount = PanelCount(n);

            // Weights past twice what L2 streams are read once from memory: prefetch them, as the float kernel does.
            bool prefetch = (long)k * panelCount * NR * sizeof(ushort) > 2 * blocking.StreamBytes;
            for (int jp = 0; jp < panelCount; jp += step)
            {
                int count = Math.Min(step, panelCount - jp);
                ref ushort b = ref Unsafe.AsRef(in panels[jp * k * nr]);
                WideningMicroKernels.SingleRow<TFormat>(k, ref xRef, ref b, k * nr, count, ref MemoryMarshal.GetReference(outputs), scratch, prefetch);
                int j0 = jp * nr;
                int width = Math.Min(count * nr, n - j0);
                outputs[..width].CopyTo(y.Slice(j0, width));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }
}
