using System.Globalization;

namespace DenseLinear;

/// <summary>
/// A bfloat16 value: the upper 16 bits of an IEEE binary32 (1 sign bit, 8 exponent bits, 7 fraction bits), as
/// PyTorch's <c>torch.bfloat16</c> and safetensors' <c>BF16</c> store it. .NET 10 has no such type; this one holds
/// the bits and converts the way PyTorch's <c>c10::BFloat16</c> does.
/// </summary>
/// <remarks>
/// <para>To float (<see cref="op_Explicit(BFloat16)"/>): exact, a 16-bit shift; every bfloat16 value is a float.</para>
/// <para>From float (<see cref="op_Explicit(float)"/>): round to nearest, ties to even, on the 16 bits dropped; any NaN
/// becomes the quiet NaN 0x7FC0 (sign and payload dropped, as <c>c10::BFloat16</c> does); a value that rounds past
/// the largest finite bfloat16 becomes ±∞; subnormals are kept, not flushed.</para>
/// <para>Equality is bitwise (<see cref="Bits"/>): +0 and −0 differ, and a NaN equals itself.</para>
/// </remarks>
public readonly struct BFloat16 : IEquatable<BFloat16>
{
    private BFloat16(ushort bits) => Bits = bits;

    /// <summary>The 16 stored bits.</summary>
    public ushort Bits { get; }

    /// <summary>The value whose bits are <paramref name="bits"/>.</summary>
    public static BFloat16 FromBits(ushort bits) => new(bits);

    /// <summary>The float with the same value, exactly: the bits shifted into the upper half of a binary32.</summary>
    public static explicit operator float(BFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value.Bits << 16);

    /// <summary>
    /// <paramref name="value"/> rounded to bfloat16 as <c>c10::BFloat16</c> rounds it: to nearest, ties to even; NaN
    /// to 0x7FC0; past the largest finite value to ±∞; subnormals kept.
    /// </summary>
    public static explicit operator BFloat16(float value)
    {
        if (float.IsNaN(value))
        {
            return new(0x7FC0);
        }

        uint bits = BitConverter.SingleToUInt32Bits(value);
        // Adding 0x7FFF plus the lowest kept bit rounds the dropped half to nearest, ties to even; a carry out of the
        // fraction steps the exponent, which is also how the largest values round to infinity.
        uint roundingBias = 0x7FFF + ((bits >> 16) & 1);
        return new((ushort)((bits + roundingBias) >> 16));
    }

    /// <inheritdoc />
    public bool Equals(BFloat16 other) => Bits == other.Bits;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BFloat16 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Bits;

    /// <summary>Bitwise equality.</summary>
    public static bool operator ==(BFloat16 left, BFloat16 right) => left.Equals(right);

    /// <summary>Bitwise inequality.</summary>
    public static bool operator !=(BFloat16 left, BFloat16 right) => !left.Equals(right);

    /// <summary>The value as a float, in the invariant culture.</summary>
    public override string ToString() => ((float)this).ToString(CultureInfo.InvariantCulture);
}
