using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DenseLinear.Kernels;

/// <summary>bfloat16: the upper half of a binary32, so widening is a shift (low half) or a mask (high half).</summary>
internal readonly struct BFloat16Format : ISixteenBitFormat
{
    /// <inheritdoc />
    public static bool WidensInOneOperation => true;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToSingle(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Lower(Vector512<uint> lanes) => (lanes << 16).AsSingle();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Upper(Vector512<uint> lanes) => (lanes & Vector512.Create(0xFFFF0000u)).AsSingle();
}
