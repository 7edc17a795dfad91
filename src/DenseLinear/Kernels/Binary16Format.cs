using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DenseLinear.Kernels;

/// <summary>IEEE binary16 (<see cref="Half"/>), widened with integer operations and one exact scaling.</summary>
internal readonly struct Binary16Format : ISixteenBitFormat
{
    // 2¹¹², the scale from a binary16 exponent placed in a binary32 to the value: exact, since it is a power of two
    // and every binary16 value, subnormals included, is a normal binary32.
    private static readonly Vector512<float> Scale = Vector512.Create(BitConverter.UInt32BitsToSingle(0x77800000));

    /// <inheritdoc />
    public static bool WidensInOneOperation => false;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToSingle(ushort bits) => (float)BitConverter.UInt16BitsToHalf(bits);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Lower(Vector512<uint> lanes) => Widen(lanes & Vector512.Create(0xFFFFu));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Upper(Vector512<uint> lanes) => Widen(lanes >> 16);

    // Exponent and fraction move into place (<< 13); finite values are then 2⁻¹¹² of their value, which the scale
    // restores. An infinity or NaN comes out of the scaling with exponent 143, which or-ing in the all-ones exponent
    // turns into 255 with the payload kept; a NaN also gets the quiet bit, as the hardware conversion and .NET's
    // (float)Half set it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Widen(Vector512<uint> bits)
    {
        Vector512<uint> magnitude = bits & Vector512.Create(0x7FFFu);
        Vector512<uint> scaled = ((magnitude << 13).AsSingle() * Scale).AsUInt32();
        Vector512<uint> infinityOrNaN = Vector512.GreaterThanOrEqual(magnitude, Vector512.Create(0x7C00u)) & Vector512.Create(0x7F800000u);
        Vector512<uint> quiet = Vector512.GreaterThan(magnitude, Vector512.Create(0x7C00u)) & Vector512.Create(0x00400000u);
        return (scaled | infinityOrNaN | quiet | ((bits & Vector512.Create(0x8000u)) << 16)).AsSingle();
    }
}
