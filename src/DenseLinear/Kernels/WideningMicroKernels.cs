using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DenseLinear.Kernels;

/// <summary>
/// The inner loops for 16-bit weight panels, picked on <see cref="MicroKernels{T}.Path"/>, the one instruction-set
/// choice: AVX-512 (<see cref="Vector512WideningKernels"/>) widens each panel row as it loads it; the other paths widen
/// panel rows into a float scratch that the float micro-kernels then read. Both widen exactly and keep the float
/// kernels' chains, so the path never changes a bit.
/// </summary>
internal static class WideningMicroKernels
{
    /// <summary>Whether the tiles and the one-row product read widened float scratch (the paths below AVX-512).</summary>
    public static bool WidensIntoScratch => MicroKernels<float>.Path != MicroKernelPath.Vector512;

    /// <summary>Widens whole packed panel rows (32 weights each) into float rows in column order.</summary>
    public static void WidenPanelRows<TFormat>(ReadOnlySpan<ushort> source, Span<float> destination)
        where TFormat : struct, ISixteenBitFormat
    {
        if (!WidensIntoScratch)
        {
            Vector512WideningKernels.WidenPanelRows<TFormat>(ref MemoryMarshal.GetReference(source), ref MemoryMarshal.GetReference(destination), source.Length / ScalarWidening.PanelWidth);
            return;
        }

        ScalarWidening.WidenPanelRows<TFormat>(source, destination);
    }

    /// <summary>
    /// The 12×32 tile straight from a 16-bit panel (<see cref="Vector512WideningKernels.Tile"/>); only where
    /// <see cref="WidensIntoScratch"/> is false, and the caller widens into scratch for the float tiles otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tile<TFormat>(int kc, ref float a, ref ushort b, ref float c, nint ldc, bool accumulate)
        where TFormat : struct, ISixteenBitFormat =>
        Vector512WideningKernels.Tile<TFormat>(kc, ref a, ref b, ref c, ldc, accumulate);

    /// <summary>
    /// One row of x against <paramref name="panels"/> (at most <see cref="MicroKernels{T}.SingleRowPanels"/>) 16-bit
    /// panels of k rows, <paramref name="panelStride"/> apart: <c>dst[q·NR + l] = chain over p of
    /// x[p]·float(W(p, q·NR + l))</c>. <paramref name="scratch"/> holds k·NR floats where
    /// <see cref="WidensIntoScratch"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SingleRow<TFormat>(int k, ref float x, ref ushort b, nint panelStride, int panels, ref float dst, Span<float> scratch, bool prefetch)
        where TFormat : struct, ISixteenBitFormat
    {
        int nr = MicroKernels<float>.NR;
        if (!WidensIntoScratch)
        {
            if (panels == 4)
            {
                Vector512WideningKernels.SingleRow4<TFormat>(k, ref x, ref b, panelStride, ref dst, prefetch);
                return;
            }

            for (int q = 0; q < panels; q++)
            {
                Vector512WideningKernels.SingleRow1<TFormat>(k, ref x, ref Unsafe.Add(ref b, q * panelStride), ref Unsafe.Add(ref dst, q * nr));
            }

            return;
        }

        for (int q = 0; q < panels; q++)
        {
            ScalarWidening.WidenPanelRows<TFormat>(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b, q * panelStride), k * nr), scratch);
            MicroKernels<float>.SingleRow(k, ref x, ref MemoryMarshal.GetReference(scratch), k * nr, nr, 1, ref Unsafe.Add(ref dst, q * nr));
        }
    }
}
