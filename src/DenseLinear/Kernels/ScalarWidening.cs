using System.Runtime.CompilerServices;

namespace DenseLinear.Kernels;

/// <summary>
/// Where a packed panel row keeps each column (<see cref="Position"/>), and the widening of whole panel rows one
/// weight at a time, for the paths below AVX-512.
/// </summary>
internal static class ScalarWidening
{
    /// <summary>Weights per panel row.</summary>
    public const int PanelWidth = 32;

    /// <summary>
    /// Where column <paramref name="column"/> (0..31) sits in a packed panel row: columns l and 16 + l share the
    /// 32-bit lane l, low half and high half, so the AVX-512 loops widen a row without a shuffle.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Position(int column) => column < PanelWidth / 2 ? 2 * column : (2 * (column - (PanelWidth / 2))) + 1;

    /// <summary>Widens whole packed panel rows into float rows in column order.</summary>
    public static void WidenPanelRows<TFormat>(ReadOnlySpan<ushort> source, Span<float> destination)
        where TFormat : struct, ISixteenBitFormat
    {
        for (int row = 0; row < source.Length; row += PanelWidth)
        {
            for (int column = 0; column < PanelWidth; column++)
            {
                destination[row + column] = TFormat.ToSingle(source[row + Position(column)]);
            }
        }
    }
}
