using System.Runtime.InteropServices;
using DenseLinear.Accuracy;
using Xunit;

namespace DenseLinear.Properties.Accuracy;

/// <summary>
/// The tolerances are theorems (Higham §3.1): each bound must contain every term its derivation names (sound) and
/// nothing more than a few double roundings on top (tight). A kernel property can only show a bound is not too
/// tight; these show it is not too loose either.
/// </summary>
public sealed class ErrorBoundTests
{
    private const double UFloat = 1.0 / (1 << 24);
    private const double UDouble = 1.0 / (1L << 53);

    // Relative slack for the roundings the bounds themselves add (a few u of double).
    private const double Slack = 1e-14;

    [Fact]
    public void Unit_roundoff_is_half_the_gap_above_one_and_the_smallest_subnormal_is_epsilon()
    {
        Assert.Equal(UFloat, ErrorBound.UnitRoundoff<float>());
        Assert.Equal(UDouble, ErrorBound.UnitRoundoff<double>());
        Assert.Equal(1.0 / (1 << 11), ErrorBound.UnitRoundoff<Half>());
        NotSupportedException unknown = Assert.Throws<NotSupportedException>(() => ErrorBound.UnitRoundoff<NFloat>());
        Assert.Equal("No unit roundoff is known for NFloat.", unknown.Message);
        Assert.Equal(float.Epsilon, ErrorBound.SmallestSubnormal<float>());
        Assert.Equal(double.Epsilon, ErrorBound.SmallestSubnormal<double>());
    }

    [Fact]
    public void The_smallest_normal_is_two_to_the_minimum_exponent()
    {
        Assert.Equal(Math.ScaleB(1, -126), ErrorBound.SmallestNormal<float>());
        Assert.Equal(Math.ScaleB(1, -1022), ErrorBound.SmallestNormal<double>());
        Assert.Equal(Math.ScaleB(1, -14), ErrorBound.SmallestNormal<Half>());
        Assert.True(float.IsNormal((float)ErrorBound.SmallestNormal<float>()) && float.IsSubnormal(MathF.BitDecrement((float)ErrorBound.SmallestNormal<float>())));
        Assert.True(double.IsNormal(ErrorBound.SmallestNormal<double>()) && double.IsSubnormal(Math.BitDecrement(ErrorBound.SmallestNormal<double>())));
        NotSupportedException unknown = Assert.Throws<NotSupportedException>(() => ErrorBound.SmallestNormal<NFloat>());
        Assert.Equal("No smallest normal is known for NFloat.", unknown.Message);
    }

    [Fact]
    public void Gamma_is_ku_over_one_minus_ku_and_infinite_from_ku_equal_one()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 1000; trial++)
        {
            int k = random.Next(0, 1 << 20);
            double u = trial % 2 == 0 ? UFloat : UDouble;
            Assert.Equal(k * u / (1 - (k * u)), ErrorBound.Gamma(k, u));
        }

        Assert.Equal(0, ErrorBound.Gamma(0, UFloat));
        Assert.Equal(1, ErrorBound.Gamma(1, 0.5));
        Assert.Equal(double.PositiveInfinity, ErrorBound.Gamma(2, 0.5));
        Assert.Equal(double.PositiveInfinity, ErrorBound.Gamma(3, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBound.Gamma(-1, UFloat));
    }

    /// <summary>γₖ(u_T)·gauge + k·η_T + referenceError, inflated by no more than a few double roundings.</summary>
    [Fact]
    public void DotProduct_is_the_sum_of_its_three_terms_and_little_more()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 2000; trial++)
        {
            int terms = random.Next(0, 5000);
            double gauge = Magnitude(random), referenceError = Magnitude(random);
            Check(terms, gauge, referenceError, ErrorBound.DotProduct<float>(terms, gauge, referenceError), UFloat, float.Epsilon);
            Check(terms, gauge, referenceError, ErrorBound.DotProduct<double>(terms, gauge, referenceError), UDouble, double.Epsilon);
        }

        static void Check(int terms, double gauge, double referenceError, double bound, double u, double eta)
        {
            double sum = (ErrorBound.Gamma(terms, u) * gauge) + (terms * eta) + referenceError;
            Assert.True(bound >= sum, $"k={terms}, gauge={gauge:R}, ref={referenceError:R}: {bound:R} < {sum:R}");
            // The only inflation allowed: the gauge's own rounding, γₖ₊₁(u_d), and the comparison's, 2u_d.
            double slack = ErrorBound.Gamma(terms + 1, UDouble) + (4 * UDouble);
            Assert.True(bound <= (sum * (1 + slack)) + double.Epsilon, $"k={terms}, gauge={gauge:R}, ref={referenceError:R}: {bound:R} > {sum:R}·(1 + {slack})");
        }
    }

    /// <summary>The three products' bounds, u_T·(g₁ + g₂) for the rounded input sum, 4u_d·magnitude for the comparison.</summary>
    [Fact]
    public void Additivity_adds_every_term_of_its_derivation()
    {
        var random = new Random(13);
        for (int trial = 0; trial < 2000; trial++)
        {
            double bs = Magnitude(random), b1 = Magnitude(random), b2 = Magnitude(random);
            double g1 = Magnitude(random), g2 = Magnitude(random), magnitude = Magnitude(random);
            double sum = bs + b1 + b2 + (UFloat * (g1 + g2)) + (4 * UDouble * magnitude);
            double bound = ErrorBound.Additivity<float>(bs, b1, b2, g1, g2, magnitude);
            Assert.True(bound >= sum * (1 - Slack) && bound <= sum * (1 + Slack), $"trial {trial}: {bound:R} vs {sum:R}");
        }
    }

    /// <summary>The scaled product's bound, |α| times the unscaled one, u_T·|α|·g for α·x, 4u_d·magnitude.</summary>
    [Fact]
    public void Homogeneity_adds_every_term_of_its_derivation()
    {
        var random = new Random(17);
        for (int trial = 0; trial < 2000; trial++)
        {
            double bs = Magnitude(random), b = Magnitude(random), g = Magnitude(random), magnitude = Magnitude(random);
            double alpha = (random.Next(2) == 0 ? -1 : 1) * Magnitude(random);
            double sum = bs + (Math.Abs(alpha) * b) + (UDouble * Math.Abs(alpha) * g) + (4 * UDouble * magnitude);
            double bound = ErrorBound.Homogeneity<double>(bs, b, g, alpha, magnitude);
            Assert.True(bound >= sum && bound <= sum * (1 + Slack), $"trial {trial}: {bound:R} vs {sum:R}");
        }
    }

    [Fact]
    public void The_test_ratio_is_error_over_u_times_gauge_and_zero_without_error()
    {
        Assert.Equal(0, ErrorBound.TestRatio<float>(0, 0));
        Assert.Equal(0, ErrorBound.TestRatio<float>(0, 5));
        Assert.Equal(3.0 / (UFloat * 4), ErrorBound.TestRatio<float>(3, 4));
        Assert.Equal(3.0 / (UDouble * 4), ErrorBound.TestRatio<double>(3, 4));
        Assert.Equal(double.PositiveInfinity, ErrorBound.TestRatio<float>(1, 0));
    }

    // Zero now and then, else anything from 2^-60 to 2^60: every term of a bound gets to dominate in some trial.
    private static double Magnitude(Random random) =>
        random.Next(8) == 0 ? 0 : Math.ScaleB(1 + random.NextDouble(), random.Next(-60, 61));
}
