using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DenseLinear.Kernels;

/// <summary>
/// Square in-register transposes for packing OutIn weights and x row panels: L×L blocks, L = Vector256&lt;T&gt;.Count
/// (8×8 floats, 4×4 doubles), <c>dst[q·dstStride + r] = src[r·srcStride + q]</c>. A pure copy, so it cannot change
/// a result. The instruction set is checked where the micro-kernels are dispatched
/// (<see cref="MicroKernels{T}.HasPanelTranspose"/>), not here.
/// </summary>
internal static class PanelTranspose<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Transposes one L×L block; only where <see cref="MicroKernels{T}.HasPanelTranspose"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block(ref T source, nint sourceStride, ref T destination, nint destinationStride)
    {
        if (typeof(T) == typeof(float))
        {
            Float8x8(ref Unsafe.As<T, float>(ref source), (nuint)sourceStride, 8, ref Unsafe.As<T, float>(ref destination), (nuint)destinationStride);
        }
        else
        {
            Double4x4(ref Unsafe.As<T, double>(ref source), (nuint)sourceStride, 4, ref Unsafe.As<T, double>(ref destination), (nuint)destinationStride);
        }
    }

    /// <summary>
    /// Packs L values of six rows into an x panel: <c>dst[q·6 + r] = src[r·sourceStride + q]</c> for r &lt; 6,
    /// q &lt; L; only where <see cref="MicroKernels{T}.HasPanelTranspose"/>. Each column is stored with whole vectors, so the stores also
    /// write 2 values past the block (dst[L·6], dst[L·6 + 1]); they are stored in increasing order of q, so every
    /// column overwrites the previous one's overspill, and the caller must write the last one's afterwards.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SixRows(ref T source, nint sourceStride, ref T destination)
    {
        if (typeof(T) == typeof(float))
        {
            Float8x8(ref Unsafe.As<T, float>(ref source), (nuint)sourceStride, 6, ref Unsafe.As<T, float>(ref destination), 6);
        }
        else
        {
            // Rows 4–5 first: their columns spill into the next column's rows 0–1, which rows 0–3 then overwrite.
            ref double s = ref Unsafe.As<T, double>(ref source);
            ref double d = ref Unsafe.As<T, double>(ref destination);
            Double4x4(ref Unsafe.Add(ref s, 4 * sourceStride), (nuint)sourceStride, 2, ref Unsafe.Add(ref d, 4), 6);
            Double4x4(ref s, (nuint)sourceStride, 4, ref d, 6);
        }
    }

    /// <summary>
    /// Packs L values of twelve rows into an x panel: <c>dst[q·12 + r] = src[r·sourceStride + q]</c> for r &lt; 12,
    /// q &lt; L; only where <see cref="MicroKernels{T}.HasPanelTranspose"/>. As with <see cref="SixRows"/>, the float stores also write 4
    /// values past the block (rows 0–3 of the next column), and the caller must write the last one's afterwards.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TwelveRows(ref T source, nint sourceStride, ref T destination)
    {
        if (typeof(T) == typeof(float))
        {
            // Rows 8–11 first: each of their columns spills into the next column's rows 0–3, which rows 0–7 then
            // overwrite.
            ref float s = ref Unsafe.As<T, float>(ref source);
            ref float d = ref Unsafe.As<T, float>(ref destination);
            Float8x8(ref Unsafe.Add(ref s, 8 * sourceStride), (nuint)sourceStride, 4, ref Unsafe.Add(ref d, 8), 12);
            Float8x8(ref s, (nuint)sourceStride, 8, ref d, 12);
        }
        else
        {
            // Three 4×4 blocks, each column exactly four values: nothing spills.
            ref double s = ref Unsafe.As<T, double>(ref source);
            ref double d = ref Unsafe.As<T, double>(ref destination);
            Double4x4(ref s, (nuint)sourceStride, 4, ref d, 12);
            Double4x4(ref Unsafe.Add(ref s, 4 * sourceStride), (nuint)sourceStride, 4, ref Unsafe.Add(ref d, 4), 12);
            Double4x4(ref Unsafe.Add(ref s, 8 * sourceStride), (nuint)sourceStride, 4, ref Unsafe.Add(ref d, 8), 12);
        }
    }

    /// <summary>Row r of a block: loaded if r &lt; rows, zero otherwise (its lanes land only in values the caller overwrites).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<TValue> Row<TValue>(ref TValue source, nuint sourceStride, int r, int rows)
        where TValue : unmanaged =>
        r < rows ? Vector256.LoadUnsafe(ref source, (nuint)r * sourceStride) : Vector256<TValue>.Zero;

    /// <summary>
    /// Stores the transpose of the first <paramref name="rows"/> rows (the others taken as zero) as columns 0..7, in
    /// that order, <paramref name="destinationStride"/> apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Float8x8(ref float source, nuint sourceStride, int rows, ref float destination, nuint destinationStride)
    {
        Vector256<float> r0 = Row(ref source, sourceStride, 0, rows), r1 = Row(ref source, sourceStride, 1, rows);
        Vector256<float> r2 = Row(ref source, sourceStride, 2, rows), r3 = Row(ref source, sourceStride, 3, rows);
        Vector256<float> r4 = Row(ref source, sourceStride, 4, rows), r5 = Row(ref source, sourceStride, 5, rows);
        Vector256<float> r6 = Row(ref source, sourceStride, 6, rows), r7 = Row(ref source, sourceStride, 7, rows);

        // Interleave row pairs, then pairs of pairs (within 128-bit halves), then swap the halves across.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref destination, destinationStride);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref destination, 2 * destinationStride);
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref destination, 3 * destinationStride);
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref destination, 4 * destinationStride);
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref destination, 5 * destinationStride);
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref destination, 6 * destinationStride);
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref destination, 7 * destinationStride);
    }

    /// <summary>
    /// Stores the transpose of the first <paramref name="rows"/> rows (the others taken as zero) as columns 0..3, in
    /// that order, <paramref name="destinationStride"/> apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Double4x4(ref double source, nuint sourceStride, int rows, ref double destination, nuint destinationStride)
    {
        Vector256<double> r0 = Row(ref source, sourceStride, 0, rows), r1 = Row(ref source, sourceStride, 1, rows);
        Vector256<double> r2 = Row(ref source, sourceStride, 2, rows), r3 = Row(ref source, sourceStride, 3, rows);
        Vector256<double> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<double> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref destination);
        Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref destination, destinationStride);
        Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref destination, 2 * destinationStride);
        Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref destination, 3 * destinationStride);
    }
}
