using System.Globalization;
using DenseLinear.Accuracy;
using DenseLinear.Numerics;
using Xunit;

namespace DenseLinear.Properties.Numerics;

/// <summary>
/// erf, erfc and Φ where the specification's table does not reach: the special values (±0, ±∞, NaN), the saturation
/// at |x| ≥ 6 and erfc's underflow past 27.3, both sides of the switch from series to continued fraction at ½, tiny
/// arguments, arguments whose square is not a double (where e^(−x²) needs the exact split x² = h + l), and the
/// symmetries, exact where the code makes them exact. Tolerances are <see cref="ErrorBound.Erf"/>, the stated accuracy.
/// </summary>
public sealed class SpecialFunctionsTests
{
    [Fact]
    public void Special_values_have_their_limits()
    {
        Assert.Equal(0, SpecialFunctions.Erf(0));
        Assert.False(double.IsNegative(SpecialFunctions.Erf(0)));
        Assert.True(double.IsNegative(SpecialFunctions.Erf(-0.0)));
        Assert.Equal(1, SpecialFunctions.Erf(double.PositiveInfinity));
        Assert.Equal(-1, SpecialFunctions.Erf(double.NegativeInfinity));
        Assert.True(double.IsNaN(SpecialFunctions.Erf(double.NaN)));

        Assert.Equal(1, SpecialFunctions.Erfc(0));
        Assert.Equal(1, SpecialFunctions.Erfc(-0.0));
        Assert.Equal(0, SpecialFunctions.Erfc(double.PositiveInfinity));
        Assert.Equal(2, SpecialFunctions.Erfc(double.NegativeInfinity));
        Assert.True(double.IsNaN(SpecialFunctions.Erfc(double.NaN)));

        Assert.Equal(0.5, SpecialFunctions.NormalCdf(0));
        Assert.Equal(1, SpecialFunctions.NormalCdf(double.PositiveInfinity));
        Assert.Equal(0, SpecialFunctions.NormalCdf(double.NegativeInfinity));
        Assert.True(double.IsNaN(SpecialFunctions.NormalCdf(double.NaN)));
    }

    [Fact]
    public void Erf_saturates_at_six_and_erfc_underflows_past_twenty_seven()
    {
        // 1 − erf(6) = 2.2·10⁻¹⁷ < 2⁻⁵⁴: ±1 exactly, and erfc(−x) = 2 exactly.
        foreach (double x in new[] { 6, 7.5, 1e10, double.MaxValue })
        {
            Assert.Equal(1, SpecialFunctions.Erf(x));
            Assert.Equal(-1, SpecialFunctions.Erf(-x));
            Assert.Equal(2, SpecialFunctions.Erfc(-x));
        }

        // erfc(27) = 5.2·10⁻³¹⁹ is subnormal but not zero; past 27.3 it is below 2⁻¹⁰⁷⁵ and rounds to 0.
        Assert.True(SpecialFunctions.Erfc(27) > 0);
        foreach (double x in new[] { 28, 30, 1e10, double.MaxValue })
        {
            Assert.Equal(0, SpecialFunctions.Erfc(x));
        }
    }

    [Theory]
    [InlineData(0.49999999999999994, "0.520499877813046488900514015212", "0.479500122186953511099485984788")]
    [InlineData(0.5, "0.520499877813046537682746653892", "0.479500122186953462317253346108")]
    [InlineData(1e-300, "1.1283791670955126021723160763e-300", "1.0")]
    [InlineData(5.3, "0.999999999999933869181496591891", "6.61308185034081092846556217031e-14")]
    [InlineData(10.1, "1.0", "2.77089698313117400733717806617e-46")]
    [InlineData(20.3, "1.0", "2.98531818060163594431026256526e-181")]
    [InlineData(26.3, "1.0", "8.5902490587940491548123352625e-303")]
    public void Erf_and_erfc_match_high_precision_values(double x, string erf, string erfc)
    {
        // 30 digits from mpmath at 50 digits, of the double x. The switch at ½ is between the first two; 5.3, 10.1,
        // 20.3 and 26.3 have squares that are not doubles (the table's arguments all have exact squares).
        double expectedErf = double.Parse(erf, CultureInfo.InvariantCulture), expectedErfc = double.Parse(erfc, CultureInfo.InvariantCulture);
        Assert.InRange(Math.Abs(SpecialFunctions.Erf(x) - expectedErf), 0, ErrorBound.Erf(expectedErf));
        Assert.InRange(Math.Abs(SpecialFunctions.Erfc(x) - expectedErfc), 0, ErrorBound.Erf(expectedErfc));
        Assert.InRange(Math.Abs(SpecialFunctions.Erf(-x) + expectedErf), 0, ErrorBound.Erf(expectedErf));
        Assert.InRange(Math.Abs(SpecialFunctions.Erfc(-x) - (2 - expectedErfc)), 0, ErrorBound.Erf(2 - expectedErfc));
    }

    [Fact]
    public void Erf_is_odd_and_erfc_reflects_exactly_above_one_half()
    {
        foreach (double x in new[] { 1e-300, 0.001, 0.3, 0.49999999999999994, 0.5, 0.75, 2, 3.3, 5.9 })
        {
            Assert.Equal(-SpecialFunctions.Erf(x), SpecialFunctions.Erf(-x));

            // Below ½ both come from the same series and differ by the rounding of 1 ± S; above, erfc(−x) is 2 − erfc(x).
            double reflected = SpecialFunctions.Erfc(-x), direct = SpecialFunctions.Erfc(x);
            if (x >= 0.5)
            {
                Assert.Equal(2 - direct, reflected);
            }

            Assert.InRange(Math.Abs(reflected + direct - 2), 0, ErrorBound.Erf(reflected) + ErrorBound.Erf(direct));
            Assert.InRange(Math.Abs(SpecialFunctions.Erf(x) + direct - 1), 0, ErrorBound.Erf(1) + ErrorBound.Erf(direct));
        }
    }

    [Fact]
    public void Normal_cdf_is_one_half_erfc_of_minus_z_over_root_two()
    {
        foreach (double z in new[] { -3, -1, -0.25, 0.25, 1, 3 })
        {
            Assert.Equal(0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2)), SpecialFunctions.NormalCdf(z));
            double sum = SpecialFunctions.NormalCdf(z) + SpecialFunctions.NormalCdf(-z);
            Assert.InRange(Math.Abs(sum - 1), 0, 2 * ErrorBound.Erf(1));
        }
    }
}
