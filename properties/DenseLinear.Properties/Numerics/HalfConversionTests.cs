using System.Globalization;
using Xunit;

namespace DenseLinear.Properties.Numerics;

/// <summary>
/// <see cref="Half"/>, the storage of <c>float16</c> weights, converts by IEEE 754: every one of the 2¹⁶ patterns widens
/// to the float of the same value (a NaN to a quiet NaN of the same sign with its payload, a signalling NaN quieted, as
/// x86 and PyTorch do) and narrows back to itself (a signalling NaN to its quiet twin); float narrows to nearest, ties to
/// even, checked at every tie between neighbouring halves and one float ulp either side, at the named edges, and
/// against an independent nearest-by-distance rounding. Truncation, written here, fails the same data.
/// </summary>
public sealed class HalfConversionTests
{
    private const ushort QuietBit = 0x0200;

    // Every positive finite half in order (index = bits), then 2¹⁶, where rounding past the largest finite one ends.
    private static readonly double[] PositiveHalves =
        [.. Enumerable.Range(0, 0x7C00).Select(bits => (double)BitConverter.UInt16BitsToHalf((ushort)bits)), 65536];

    public static TheoryData<uint, ushort, string> Edges() => new()
    {
        { 0x3F80_1000, 0x3C00, "1 + 2⁻¹¹, a tie with the lower neighbour even: down" },
        { 0x3F80_3000, 0x3C02, "1 + 3·2⁻¹¹, a tie with the lower neighbour odd: up" },
        { 0x3F80_1001, 0x3C01, "one ulp above a tie: up" },
        { 0x3F80_0FFF, 0x3C00, "one ulp below a tie: down" },
        { 0xBF80_3000, 0xBC02, "a negative tie rounds in magnitude, to even" },
        { 0x7FC0_0000, 0x7E00, "the quiet NaN" },
        { 0xFFC0_0000, 0xFE00, "a negative quiet NaN keeps its sign" },
        { 0x7FFF_E000, 0x7FFF, "a quiet NaN keeps the top of its payload" },
        { 0x7F80_0001, 0x7E00, "a signalling NaN with only low payload bits: quieted, not turned into ∞" },
        { 0xFF80_2000, 0xFE01, "a negative signalling NaN: quieted, payload kept" },
        { 0x7F80_0000, 0x7C00, "+∞" },
        { 0xFF80_0000, 0xFC00, "-∞" },
        { 0x0000_0000, 0x0000, "+0" },
        { 0x8000_0000, 0x8000, "-0 keeps its sign" },
        { 0x477F_E000, 0x7BFF, "65504, the largest finite half" },
        { 0x477F_EFFF, 0x7BFF, "the largest float below the tie 65520" },
        { 0x477F_F000, 0x7C00, "65520, the tie above it, lower odd: to +∞" },
        { 0xC77F_F000, 0xFC00, "-65520: to -∞" },
        { 0x7F7F_FFFF, 0x7C00, "float's largest finite value: +∞" },
        { 0x3880_0000, 0x0400, "2⁻¹⁴, the smallest normal half" },
        { 0x3380_0000, 0x0001, "2⁻²⁴, the smallest subnormal half, kept" },
        { 0x387F_C000, 0x03FF, "the largest subnormal half, kept" },
        { 0x3300_0000, 0x0000, "2⁻²⁵, the tie between +0 and the smallest subnormal: to +0" },
        { 0x3300_0001, 0x0001, "just above it: to the smallest subnormal" },
        { 0xB300_0001, 0x8001, "its negative: to the negative smallest subnormal" },
        { 0x33C0_0000, 0x0002, "3·2⁻²⁵, a subnormal tie, lower odd: up" },
        { 0x0000_0001, 0x0000, "the smallest float subnormal: +0" },
        { 0x8000_0001, 0x8000, "its negative: -0" },
        { 0x387F_E000, 0x0400, "the tie above the largest subnormal: up to the smallest normal" },
    };

    [Fact]
    public void Every_half_widens_to_the_same_value_and_narrows_back_to_itself_signalling_NaNs_quieted()
    {
        int quieted = 0;
        for (int bits = 0; bits <= ushort.MaxValue; bits++)
        {
            Half value = BitConverter.UInt16BitsToHalf((ushort)bits);
            uint widened = BitConverter.SingleToUInt32Bits((float)value);
            Assert.True(widened == Widened((ushort)bits), $"0x{bits:X4} widened to 0x{widened:X8}, expected 0x{Widened((ushort)bits):X8}");
            ushort back = BitConverter.HalfToUInt16Bits((Half)(float)value);
            bool isNaN = Half.IsNaN(value);
            ushort expected = isNaN ? (ushort)(bits | QuietBit) : (ushort)bits;
            quieted += expected != bits ? 1 : 0;
            Assert.True(back == expected, $"0x{bits:X4} narrowed back to 0x{back:X4}, expected 0x{expected:X4}");
        }

        // The signalling NaNs: quiet bit clear, the rest of the fraction nonzero; two signs.
        Assert.Equal(2 * 511, quieted);
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void A_float_edge_narrows_by_IEEE_round_to_nearest_even(uint floatBits, ushort expected, string edge)
    {
        ushort actual = BitConverter.HalfToUInt16Bits((Half)BitConverter.UInt32BitsToSingle(floatBits));
        Assert.True(actual == expected, $"{edge}: 0x{floatBits:X8} narrowed to 0x{actual:X4}, expected 0x{expected:X4}");
    }

    [Fact]
    public void Every_tie_between_neighbouring_halves_goes_to_the_even_one_and_a_float_ulp_either_side_to_the_nearer()
    {
        Assert.Empty(TieFailures(value => BitConverter.HalfToUInt16Bits((Half)value)));
    }

    [Fact]
    public void A_fixed_random_sample_narrows_to_the_nearest_half_by_distance_ties_to_even()
    {
        var random = new Random(29);
        var failures = new List<string>();
        for (int i = 0; i < 1 << 20; i++)
        {
            // Half the sample anywhere in float, half with exponents around the half range (2⁻²⁷ to 2¹⁸).
            uint bits = (uint)random.NextInt64(1L << 32);
            if (i % 2 == 1)
            {
                bits = (bits & 0x807F_FFFF) | ((uint)random.Next(100, 146) << 23);
            }

            float value = BitConverter.UInt32BitsToSingle(bits);
            if (!float.IsNaN(value) && BitConverter.HalfToUInt16Bits((Half)value) != NearestByDistance(value))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{value:R}"));
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Truncation_fails_the_tie_and_edge_data()
    {
        Assert.NotEmpty(TieFailures(Truncate));
        Assert.Contains(Edges(), row => Truncate(BitConverter.UInt32BitsToSingle((uint)row[0])) != (ushort)row[1]);
    }

    /// <summary>The float bits of half <paramref name="bits"/>, from its fields: (−1)ˢ·m·2^(e−25) with the implicit bit, m·2⁻²⁴ subnormal.</summary>
    private static uint Widened(ushort bits)
    {
        uint sign = (uint)(bits & 0x8000) << 16;
        int exponent = (bits >> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        return exponent switch
        {
            0x1F when fraction == 0 => sign | 0x7F80_0000,
            0x1F => sign | 0x7FC0_0000 | ((uint)fraction << 13),
            _ => sign | BitConverter.SingleToUInt32Bits((float)(exponent == 0 ? Math.ScaleB(fraction, -24) : Math.ScaleB(0x400 + fraction, exponent - 25))),
        };
    }

    /// <summary>Toward zero: the largest-magnitude half not beyond the value, the mutant.</summary>
    private static ushort Truncate(float value)
    {
        ushort nearest = BitConverter.HalfToUInt16Bits((Half)value);
        return Math.Abs((float)BitConverter.UInt16BitsToHalf(nearest)) > Math.Abs(value) ? (ushort)(nearest - 1) : nearest;
    }

    /// <summary>
    /// For every finite half and its successor in magnitude (2¹⁶ after the largest): the float halfway between them, and
    /// the floats one ulp below and above, each narrowed by <paramref name="narrow"/>; every result other than
    /// even-at-the-tie, the half below and the successor above, described.
    /// </summary>
    private static List<string> TieFailures(Func<float, ushort> narrow)
    {
        var failures = new List<string>();
        for (int bits = 0; bits < 0x7C00; bits++)
        {
            // Exact in float: a half has 11 significant bits, so the midpoint has 12.
            float tie = (float)((PositiveHalves[bits] + PositiveHalves[bits + 1]) / 2);
            ushort even = (ushort)((bits & 1) == 0 ? bits : bits + 1);
            foreach (ushort sign in new ushort[] { 0, 0x8000 })
            {
                foreach ((float value, int expected) in new[] { (tie, (int)even), (MathF.BitDecrement(tie), bits), (MathF.BitIncrement(tie), bits + 1) })
                {
                    float signed = sign == 0 ? value : -value;
                    ushort actual = narrow(signed);
                    if (actual != (ushort)(expected | sign))
                    {
                        failures.Add($"0x{BitConverter.SingleToUInt32Bits(signed):X8} → 0x{actual:X4}, expected 0x{expected | sign:X4}");
                    }
                }
            }
        }

        return failures;
    }

    /// <summary>The half nearest to <paramref name="value"/> by exact distance, the even one on a tie; IEEE's rule by search, not by conversion.</summary>
    private static ushort NearestByDistance(float value)
    {
        ushort sign = (ushort)(float.IsNegative(value) ? 0x8000 : 0);
        double magnitude = Math.Abs((double)value);
        if (magnitude >= PositiveHalves[^1])
        {
            return (ushort)(sign | 0x7C00);
        }

        int index = Array.BinarySearch(PositiveHalves, magnitude);
        if (index >= 0)
        {
            return (ushort)(sign | index);
        }

        int above = ~index, below = above - 1;
        double toBelow = magnitude - PositiveHalves[below], toAbove = PositiveHalves[above] - magnitude;
        int nearest = toBelow < toAbove || (toBelow == toAbove && (below & 1) == 0) ? below : above;
        return (ushort)(sign | (nearest == 0x7C00 ? 0x7C00 : nearest));
    }
}
