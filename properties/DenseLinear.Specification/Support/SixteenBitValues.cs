using System.Runtime.InteropServices;

namespace DenseLinear.Specification.Support;

/// <summary>16-bit weight values for the mixed-precision properties: narrowing, and values from raw bits.</summary>
public static class SixteenBitValues
{
    /// <summary><paramref name="value"/> rounded to <typeparamref name="TWeight"/>: to nearest, ties to even.</summary>
    public static TWeight Narrow<TWeight>(float value)
        where TWeight : unmanaged
    {
        WeightWidening.ThrowIfUnsupported<TWeight>();
        ushort bits = typeof(TWeight) == typeof(BFloat16) ? ((BFloat16)value).Bits : BitConverter.HalfToUInt16Bits((Half)value);
        return FromBits<TWeight>(bits);
    }

    /// <summary>The weight whose bits are <paramref name="bits"/>.</summary>
    public static TWeight FromBits<TWeight>(ushort bits)
        where TWeight : unmanaged =>
        MemoryMarshal.Cast<ushort, TWeight>(MemoryMarshal.CreateReadOnlySpan(ref bits, 1))[0];

    /// <summary>The bits of <paramref name="weight"/>.</summary>
    public static ushort Bits<TWeight>(TWeight weight)
        where TWeight : unmanaged =>
        MemoryMarshal.Cast<TWeight, ushort>(MemoryMarshal.CreateReadOnlySpan(ref weight, 1))[0];

    /// <summary>A subnormal of the format with the given fraction bits and sign: exponent field zero.</summary>
    public static ushort Subnormal<TWeight>(int fraction, bool negative)
        where TWeight : unmanaged
    {
        int fractionBits = typeof(TWeight) == typeof(BFloat16) ? 7 : 10;
        int bits = (fraction % ((1 << fractionBits) - 1)) + 1;
        return (ushort)(bits | (negative ? 0x8000 : 0));
    }
}
