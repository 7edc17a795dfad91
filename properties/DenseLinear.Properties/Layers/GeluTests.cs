using System.Globalization;
using DenseLinear.Accuracy;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// The exact GELU, v·Φ(v) = ½·v·erfc(−v/√2): against 30-digit values (mpmath) across its range, exactly 0 at 0, v
/// itself where Φ(v) rounds to 1, a signed zero where it underflows, v/2 for tiny |v|, and GELU(v) − GELU(−v) = v.
/// </summary>
public sealed class GeluTests
{
    [Theory]
    [InlineData(0.5, "0.345731230637006551818852305304")]
    [InlineData(-0.5, "-0.154268769362993448181147694696")]
    [InlineData(1, "0.841344746068542948585232545632")]
    [InlineData(-1, "-0.158655253931457051414767454368")]
    [InlineData(3, "2.9959503059051097164200445557")]
    [InlineData(-3, "-0.00404969409489028357995544430278")]
    [InlineData(-10, "-7.6198530241605260659733432516e-23")]
    [InlineData(10, "9.99999999999999999999992380147")]
    public void Gelu_matches_high_precision_values_within_its_bound(double v, string exact)
    {
        double reference = double.Parse(exact, CultureInfo.InvariantCulture);
        float[] values = [(float)v];
        ActivationFunctions.Apply(Activation.Gelu, values.AsSpan());
        Assert.InRange(Math.Abs(values[0] - reference), 0, ErrorBound.Activation<float>(Activation.Gelu, reference));
    }

    [Fact]
    public void Gelu_is_zero_at_zero_keeping_the_sign()
    {
        Assert.Equal(0, ActivationFunctions.Gelu(0));
        Assert.False(double.IsNegative(ActivationFunctions.Gelu(0)));
        Assert.True(double.IsNegative(ActivationFunctions.Gelu(-0.0)));
    }

    [Fact]
    public void Far_from_zero_Gelu_is_v_or_a_signed_zero()
    {
        // Φ(40) rounds to 1; Φ(−40) = 2.9·10⁻³⁵⁰ underflows, so GELU(−40) = −40·0 = −0.
        Assert.Equal(40, ActivationFunctions.Gelu(40));
        Assert.Equal(0, ActivationFunctions.Gelu(-40));
        Assert.True(double.IsNegative(ActivationFunctions.Gelu(-40)));
        Assert.Equal(double.PositiveInfinity, ActivationFunctions.Gelu(double.PositiveInfinity));
        Assert.True(double.IsNaN(ActivationFunctions.Gelu(double.NaN)));
    }

    [Fact]
    public void Near_zero_Gelu_is_v_over_two()
    {
        // Φ(v) = ½ + v/√(2π) + …: for |v| ≤ 2⁻⁶⁰ the correction is below half an ulp of ½.
        foreach (double v in new[] { Math.ScaleB(1, -60), -Math.ScaleB(3, -700), Math.ScaleB(1, -1000) })
        {
            Assert.Equal(v / 2, ActivationFunctions.Gelu(v));
        }
    }

    [Fact]
    public void Gelu_of_v_minus_Gelu_of_minus_v_is_v()
    {
        // v·Φ(v) + v·Φ(−v) = v: each term within its own bound, so their difference within the sum of the bounds.
        foreach (double v in new[] { 0.125, 0.5, 0.75, 1, 2.5, 6 })
        {
            double a = ActivationFunctions.Gelu(v), b = ActivationFunctions.Gelu(-v);
            double bound = ErrorBound.Erf(a) + ErrorBound.Erf(b) + ErrorBound.Erf(v);
            Assert.InRange(Math.Abs(a - b - v), 0, bound);
        }
    }
}
