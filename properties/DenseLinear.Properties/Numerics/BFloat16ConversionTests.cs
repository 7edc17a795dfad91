using System.Globalization;
using Xunit;

namespace DenseLinear.Properties.Numerics;

/// <summary>
/// <see cref="BFloat16"/> converts as <c>c10::BFloat16</c> does: every one of the 2¹⁶ patterns widens to the float with
/// its bits on top and narrows back to itself (a NaN to the one quiet NaN 0x7FC0, its sign and payload dropped);
/// float narrows to nearest, ties to even, checked at every tie between neighbouring bfloat16s and one float ulp either
/// side, at the named edges, and against an independent nearest-by-distance rounding on a fixed random sample.
/// Truncation and round-half-up, written here, fail the same data.
/// </summary>
public sealed class BFloat16ConversionTests
{
    private const ushort CanonicalNaN = 0x7FC0;

    public static TheoryData<uint, ushort, string> Edges() => new()
    {
        { 0x3F80_8000, 0x3F80, "1 + 2⁻⁸, a tie with the lower neighbour even: down" },
        { 0x3F81_8000, 0x3F82, "a tie with the lower neighbour odd: up" },
        { 0x3F80_8001, 0x3F81, "one ulp above a tie: up" },
        { 0x3F80_7FFF, 0x3F80, "one ulp below a tie: down" },
        { 0x3F81_7FFF, 0x3F81, "one ulp below a tie with the lower neighbour odd: down" },
        { 0xBF81_8000, 0xBF82, "a negative tie rounds in magnitude, to even" },
        { 0xBF80_8000, 0xBF80, "a negative tie, lower even" },
        { 0x7FC0_0000, CanonicalNaN, "the quiet NaN" },
        { 0xFFC0_0000, CanonicalNaN, "a negative quiet NaN loses its sign" },
        { 0x7FC1_2345, CanonicalNaN, "a quiet NaN's payload is dropped" },
        { 0x7F80_0001, CanonicalNaN, "a signalling NaN whose top bits would truncate to infinity" },
        { 0xFF80_0001, CanonicalNaN, "a negative signalling NaN" },
        { 0x7FFF_FFFF, CanonicalNaN, "the NaN with every payload bit, which rounding would carry into the sign" },
        { 0xFFFF_FFFF, CanonicalNaN, "its negative, which rounding would carry out of 32 bits" },
        { 0x7F80_0000, 0x7F80, "+∞" },
        { 0xFF80_0000, 0xFF80, "-∞" },
        { 0x0000_0000, 0x0000, "+0" },
        { 0x8000_0000, 0x8000, "-0 keeps its sign" },
        { 0x7F7F_0000, 0x7F7F, "the largest finite bfloat16" },
        { 0x7F7F_7FFF, 0x7F7F, "the largest float that rounds to it" },
        { 0x7F7F_8000, 0x7F80, "the tie above it, lower odd: to +∞" },
        { 0x7F7F_FFFF, 0x7F80, "float's largest finite value rounds to +∞" },
        { 0xFF7F_8000, 0xFF80, "the negative tie: to -∞" },
        { 0xFF7F_FFFF, 0xFF80, "float's most negative finite value rounds to -∞" },
        { 0x0080_0000, 0x0080, "the smallest normal" },
        { 0x0001_0000, 0x0001, "the smallest bfloat16 subnormal, kept" },
        { 0x007F_0000, 0x007F, "the largest bfloat16 subnormal, kept" },
        { 0x8001_0000, 0x8001, "a negative bfloat16 subnormal, kept" },
        { 0x0000_0001, 0x0000, "the smallest float subnormal rounds to +0" },
        { 0x8000_0001, 0x8000, "its negative rounds to -0" },
        { 0x0000_8000, 0x0000, "a tie between +0 and the smallest subnormal: to +0, the even one" },
        { 0x0000_8001, 0x0001, "just above that tie: to the smallest subnormal" },
        { 0x0001_8000, 0x0002, "a subnormal tie, lower odd: up" },
        { 0x007F_7FFF, 0x007F, "the largest float that rounds to the largest subnormal" },
        { 0x007F_8000, 0x0080, "the tie above the largest subnormal: up to the smallest normal" },
        { 0x007F_FFFF, 0x0080, "the largest float subnormal rounds to the smallest normal" },
    };

    [Fact]
    public void Every_bfloat16_widens_to_its_bits_on_top_and_narrows_back_to_itself_NaNs_to_0x7FC0()
    {
        int nans = 0;
        for (int bits = 0; bits <= ushort.MaxValue; bits++)
        {
            BFloat16 value = BFloat16.FromBits((ushort)bits);
            float widened = (float)value;
            Assert.Equal((uint)bits << 16, BitConverter.SingleToUInt32Bits(widened));
            ushort expected = float.IsNaN(widened) ? CanonicalNaN : (ushort)bits;
            nans += float.IsNaN(widened) ? 1 : 0;
            Assert.True(((BFloat16)widened).Bits == expected, $"0x{bits:X4} narrowed back to 0x{((BFloat16)widened).Bits:X4}, expected 0x{expected:X4}");
        }

        // Exponent all ones and a nonzero fraction: 127 fractions, two signs.
        Assert.Equal(2 * 127, nans);
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void A_float_edge_narrows_as_c10_BFloat16_does(uint floatBits, ushort expected, string edge)
    {
        ushort actual = ((BFloat16)BitConverter.UInt32BitsToSingle(floatBits)).Bits;
        Assert.True(actual == expected, $"{edge}: 0x{floatBits:X8} narrowed to 0x{actual:X4}, expected 0x{expected:X4}");
    }

    [Fact]
    public void Every_tie_between_neighbouring_bfloat16s_goes_to_the_even_one_and_a_float_ulp_either_side_to_the_nearer()
    {
        Assert.Empty(TieFailures(value => ((BFloat16)value).Bits));
    }

    [Fact]
    public void A_fixed_random_sample_narrows_to_the_nearest_bfloat16_by_distance_ties_to_even()
    {
        var random = new Random(29);
        var failures = new List<string>();
        for (int i = 0; i < 1 << 20; i++)
        {
            float value = BitConverter.UInt32BitsToSingle((uint)random.NextInt64(1L << 32));
            if (!float.IsNaN(value) && ((BFloat16)value).Bits != NearestByDistance(value))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{value:R}"));
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Truncation_and_round_half_up_fail_the_tie_and_edge_data()
    {
        static ushort Truncate(float value) => (ushort)(BitConverter.SingleToUInt32Bits(value) >> 16);
        static ushort RoundHalfUp(float value) => (ushort)((BitConverter.SingleToUInt32Bits(value) + 0x8000) >> 16);

        // Truncation misses every value above a tie; rounding half up misses the ties whose lower neighbour is even.
        Assert.NotEmpty(TieFailures(Truncate));
        Assert.NotEmpty(TieFailures(RoundHalfUp));
        Assert.Contains(Edges(), row => Truncate(BitConverter.UInt32BitsToSingle((uint)row[0])) != (ushort)row[1]);
        Assert.Contains(Edges(), row => RoundHalfUp(BitConverter.UInt32BitsToSingle((uint)row[0])) != (ushort)row[1]);
    }

    /// <summary>
    /// For every finite bfloat16 b and its successor in magnitude: the float halfway between them, and the floats one ulp
    /// below and above, each narrowed by <paramref name="narrow"/>; every result other than even-at-the-tie, b below and
    /// the successor above, described.
    /// </summary>
    private static List<string> TieFailures(Func<float, ushort> narrow)
    {
        var failures = new List<string>();
        for (int bits = 0; bits <= ushort.MaxValue; bits++)
        {
            if ((bits & 0x7F80) == 0x7F80)
            {
                continue;
            }

            uint tie = ((uint)bits << 16) + 0x8000;
            ushort even = (bits & 1) == 0 ? (ushort)bits : (ushort)(bits + 1);
            foreach ((uint floatBits, ushort expected) in new[] { (tie, even), (tie - 1, (ushort)bits), (tie + 1, (ushort)(bits + 1)) })
            {
                ushort actual = narrow(BitConverter.UInt32BitsToSingle(floatBits));
                if (actual != expected)
                {
                    failures.Add($"0x{floatBits:X8} → 0x{actual:X4}, expected 0x{expected:X4}");
                }
            }
        }

        return failures;
    }

    /// <summary>
    /// The bfloat16 nearest to <paramref name="value"/> by exact distance in double, the even one on a tie, with the
    /// successor of the largest finite value taken as 2¹²⁸ so that what rounds past it becomes ∞: IEEE's rule, written
    /// without the bit trick under test.
    /// </summary>
    private static ushort NearestByDistance(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        ushort lower = (ushort)(bits >> 16);
        if (float.IsInfinity(value) || (bits & 0xFFFF) == 0)
        {
            return lower;
        }

        double magnitude = Math.Abs((double)value);
        double below = Math.Abs((double)(float)BFloat16.FromBits(lower));
        int upperBits = lower + 1;
        double above = (upperBits & 0x7FFF) == 0x7F80 ? Math.ScaleB(1, 128) : Math.Abs((double)(float)BFloat16.FromBits((ushort)upperBits));
        double toBelow = magnitude - below, toAbove = above - magnitude;
        return toBelow < toAbove || (toBelow == toAbove && (lower & 1) == 0) ? lower : (ushort)upperBits;
    }
}
