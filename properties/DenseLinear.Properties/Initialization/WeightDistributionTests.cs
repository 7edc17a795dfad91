using System.Globalization;
using DenseLinear.Accuracy;
using DenseLinear.Initialization;
using Xunit;

namespace DenseLinear.Properties.Initialization;

/// <summary>
/// The three distributions' documented parameters, names, moments and distribution functions, and how a draw is
/// made: U(−L, L) maps [0, 1) onto [−L, L); the truncated normal redraws beyond ±2σ and keeps ±2σ itself; zeros is
/// +0; a draw that rounding to T carries past L is redrawn, one that lands on L is kept. Moments of the truncated
/// normal against 30-digit values (mpmath) within <see cref="ErrorBound.Erf"/>, the accuracy of the Φ(2) they rest on.
/// </summary>
public sealed class WeightDistributionTests
{
    // For the standard normal truncated at ±2: E[Z²] and E[Z⁴].
    private static readonly double TruncatedVariance = double.Parse("0.773741303549923247179913673677", CultureInfo.InvariantCulture);
    private static readonly double TruncatedFourthMoment = double.Parse("1.41618912484946273025939571574", CultureInfo.InvariantCulture);

    [Fact]
    public void The_uniform_has_limit_L_variance_L_squared_over_3_and_fourth_moment_L_to_the_4_over_5()
    {
        WeightDistribution d = WeightDistribution.Uniform(0.25);
        Assert.Equal("U(−0.25, 0.25)", d.Name);
        Assert.Equal(d.Name, d.ToString());
        Assert.Equal(0.25, d.Limit);
        Assert.Equal(0, d.Sigma);
        Assert.False(d.IsTruncatedNormal);
        Assert.Equal(0, WeightDistribution.Mean);
        Assert.Equal(0.0625 / 3, d.Variance);
        Assert.Equal(0.00390625 / 5, d.FourthMoment);
    }

    [Fact]
    public void The_uniform_distribution_function_is_linear_between_the_limits()
    {
        WeightDistribution d = WeightDistribution.Uniform(0.25);
        Assert.Equal(0, d.Cdf(-1));
        Assert.Equal(0, d.Cdf(-0.25));
        Assert.Equal(0.25, d.Cdf(-0.125));
        Assert.Equal(0.5, d.Cdf(0));
        Assert.Equal(0.75, d.Cdf(0.125));
        Assert.Equal(1, d.Cdf(0.25));
        Assert.Equal(1, d.Cdf(1));
    }

    [Fact]
    public void The_truncated_normal_is_cut_at_two_sigma_with_the_truncated_moments()
    {
        WeightDistribution d = WeightDistribution.TruncatedNormal(0.5);
        Assert.Equal("N(0, 0.5²) truncated at ±2σ", d.Name);
        Assert.Equal(d.Name, d.ToString());
        Assert.Equal(1, d.Limit);
        Assert.Equal(0.5, d.Sigma);
        Assert.True(d.IsTruncatedNormal);
        Assert.InRange(Math.Abs(d.Variance - (0.25 * TruncatedVariance)), 0, ErrorBound.Erf(0.25 * TruncatedVariance));
        Assert.InRange(Math.Abs(d.FourthMoment - (0.0625 * TruncatedFourthMoment)), 0, ErrorBound.Erf(0.0625 * TruncatedFourthMoment));
    }

    [Theory]
    [InlineData(-2.0, "0")]
    [InlineData(-1.0, "0")]
    [InlineData(-0.5, "0.142383613994546962029450059592")]
    [InlineData(0.0, "0.5")]
    [InlineData(0.25, "0.700589328662971686312491641202")]
    [InlineData(1.0, "1")]
    [InlineData(3.0, "1")]
    public void The_truncated_normal_distribution_function_is_the_renormalized_normal_one(double value, string exact)
    {
        // σ = 1/2: (Φ(v/σ) − Φ(−2)) / (Φ(2) − Φ(−2)), 0 below −2σ and 1 above 2σ.
        double expected = double.Parse(exact, CultureInfo.InvariantCulture);
        double actual = WeightDistribution.TruncatedNormal(0.5).Cdf(value);
        Assert.InRange(Math.Abs(actual - expected), 0, ErrorBound.Erf(expected) + ErrorBound.Erf(1));
    }

    [Fact]
    public void A_zero_limit_or_sigma_is_the_constant_zero()
    {
        Assert.Same(WeightDistribution.Zeros, WeightDistribution.Uniform(0));
        Assert.Same(WeightDistribution.Zeros, WeightDistribution.TruncatedNormal(0));
        WeightDistribution z = WeightDistribution.Zeros;
        Assert.Equal("zeros", z.Name);
        Assert.Equal(0, z.Limit);
        Assert.False(z.IsTruncatedNormal);
        Assert.Equal(0, z.Variance);
        Assert.Equal(0, z.FourthMoment);

        // A step at 0: P(w ≤ v) is 0 below it and 1 from it on.
        Assert.Equal(0, z.Cdf(-1e-300));
        Assert.Equal(1, z.Cdf(0));
        Assert.Equal(1, z.Cdf(1));
    }

    [Fact]
    public void Negative_limits_and_sigmas_are_refused_by_name()
    {
        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => WeightDistribution.Uniform(-0.5)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => WeightDistribution.TruncatedNormal(-0.5)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => WeightDistribution.Uniform(1).Sample<float>(null!, new float[1])).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Limits_and_sigmas_that_are_not_finite_are_refused_by_name(double value)
    {
        var uniform = Assert.Throws<ArgumentOutOfRangeException>(() => WeightDistribution.Uniform(value));
        var normal = Assert.Throws<ArgumentOutOfRangeException>(() => WeightDistribution.TruncatedNormal(value));
        Assert.Equal("limit", uniform.ParamName);
        Assert.Equal("sigma", normal.ParamName);
        Assert.Contains("must be finite", uniform.Message, StringComparison.Ordinal);
        Assert.Contains("must be finite", normal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_uniform_maps_zero_to_minus_L_and_stays_below_L()
    {
        var random = new ScriptedRandom(0, 0.25, 0.5, 0.75, Math.BitDecrement(1.0));
        double[] values = new double[5];
        WeightDistribution.Uniform(0.5).Sample<double>(random, values);
        Assert.Equal([-0.5, -0.25, 0, 0.25, 0.5 - Math.ScaleB(1, -53)], values);
        Assert.Equal(5, random.Calls);
    }

    [Fact]
    public void A_float_draw_that_rounds_onto_L_is_kept_and_one_that_rounds_past_L_is_redrawn()
    {
        // L = ¼ is a float: the last draw below L, ¼ − 2⁻⁵⁴, rounds to ¼ = L and is kept.
        var onto = new ScriptedRandom(Math.BitDecrement(1.0), 0.5);
        float[] kept = new float[1];
        WeightDistribution.Uniform(0.25).Sample<float>(onto, kept);
        Assert.Equal([0.25f], kept);
        Assert.Equal(1, onto.Calls);

        // L = 0.1 is not: the last draw below it rounds to 0.1f = 0.100000001… > L, and is redrawn (0.5 ↦ 0).
        var past = new ScriptedRandom(Math.BitDecrement(1.0), 0.5);
        float[] redrawn = new float[1];
        WeightDistribution.Uniform(0.1).Sample<float>(past, redrawn);
        Assert.Equal([0f], redrawn);
        Assert.Equal(2, past.Calls);
    }

    [Fact]
    public void The_truncated_normal_draws_by_Box_Muller_and_redraws_beyond_two_sigma()
    {
        // (u₁, u₂) gives z = √(−2 ln(1 − u₁))·cos(2πu₂). u₁ = 7/8: |z| = √(6 ln 2) = 2.04 > 2, redrawn; then u₁ = ½,
        // u₂ = ½: z = −√(2 ln 2); then u₁ = 0: z = 0.
        var random = new ScriptedRandom(0.875, 0, 0.5, 0.5, 0, 0.3);
        double[] values = new double[2];
        WeightDistribution.TruncatedNormal(0.5).Sample<double>(random, values);
        Assert.Equal(-Math.Sqrt(2 * Math.Log(2)) * 0.5, values[0]);
        Assert.Equal(0, values[1]);
        Assert.Equal(6, random.Calls);
    }

    [Fact]
    public void A_normal_draw_of_exactly_two_sigma_is_kept()
    {
        // Keras redraws values more than two standard deviations out; one at exactly 2σ is not redrawn. u₂ = 0 makes
        // cos(2πu₂) = 1, and u₁ next to 1 − e⁻² is stepped until √(−2 ln(1 − u₁)) is exactly 2 in this Math library.
        double u1 = 1 - Math.Exp(-2);
        while (Math.Sqrt(-2 * Math.Log(1 - u1)) < 2)
        {
            u1 = Math.BitIncrement(u1);
        }

        while (Math.Sqrt(-2 * Math.Log(1 - u1)) > 2)
        {
            u1 = Math.BitDecrement(u1);
        }

        Assert.Equal(2, Math.Sqrt(-2 * Math.Log(1 - u1)));
        var random = new ScriptedRandom(u1, 0, 0, 0);
        double[] values = new double[1];
        WeightDistribution distribution = WeightDistribution.TruncatedNormal(0.5);
        distribution.Sample<double>(random, values);
        Assert.Equal(distribution.Limit, values[0]);
        Assert.Equal(2, random.Calls);
    }

    [Fact]
    public void Zeros_are_positive_zeros_and_draw_nothing()
    {
        var random = new ScriptedRandom();
        float[] values = [-1, -1, -1];
        WeightDistribution.Zeros.Sample<float>(random, values);
        Assert.All(values, v => Assert.True(v == 0 && !float.IsNegative(v)));
        Assert.Equal(0, random.Calls);
    }
}
