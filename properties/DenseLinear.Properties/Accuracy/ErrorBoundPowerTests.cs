using DenseLinear.Accuracy;
using DenseLinear.Numerics;
using Xunit;

namespace DenseLinear.Properties.Accuracy;

/// <summary>
/// The statistical tolerances reject what they are there to reject. FidelitySpecification's
/// InitializedValuesFollowTheirDistribution draws a [60 × 200] weight, 12 000 values, and accepts a sample whose mean
/// and second moment lie within <see cref="ErrorBound.SampleMoments"/> and whose Kolmogorov–Smirnov distance lies
/// within <see cref="ErrorBound.KolmogorovSmirnov"/> (plus u_T). At that size, an initializer whose variance is 10 %
/// off, whose mean is off by a tenth of a standard deviation, or whose scale is 10 % off must fail, with probability
/// at least <see cref="Power"/>.
/// </summary>
public sealed class ErrorBoundPowerTests
{
    private const int Draws = 200 * 60;

    private const double Power = 0.999;

    // E[w⁴]/Var² of U(±L), 9/5, and of the normal truncated at ±2σ: E[Z⁴]/E[Z²]² with E[Z²] = 0.7737413035499232,
    // E[Z⁴] = 1.4161891248494627 (mpmath, as in WeightDistributionTests).
    public static TheoryData<double, double> Distributions => new()
    {
        { 1.0 / 600, 9.0 / 5 }, // PyTorch, U(±1/√200)
        { 6.0 / 260 / 3, 9.0 / 5 }, // glorot_uniform, U(±√(6/260))
        { 2.0 / 260, 1.4161891248494627 / (0.7737413035499232 * 0.7737413035499232) }, // glorot_normal
    };

    /// <summary>
    /// The sample second moment of n draws is approximately N(Var′, (κ − 1)·Var′²/n) (central limit theorem, as the
    /// tolerance itself assumes); the test rejects it outside Var ± tolerance.
    /// </summary>
    [Theory]
    [MemberData(nameof(Distributions))]
    public void A_variance_ten_percent_off_is_rejected(double variance, double kurtosis)
    {
        (_, double tolerance) = ErrorBound.SampleMoments(Draws, variance, kurtosis * variance * variance, ErrorBound.SampleMomentStandardErrors);
        foreach (double off in new[] { 1.1, 0.9 })
        {
            double actual = off * variance, standardError = actual * Math.Sqrt((kurtosis - 1) / Draws);
            double accepted = SpecialFunctions.NormalCdf((variance + tolerance - actual) / standardError)
                - SpecialFunctions.NormalCdf((variance - tolerance - actual) / standardError);
            Assert.True(1 - accepted >= Power, $"Var × {off}: tolerance ±{tolerance:G4} around {variance:G4} accepts with probability {accepted:G3}");
        }
    }

    /// <summary>The sample mean of n draws is approximately N(μ, Var/n).</summary>
    [Theory]
    [MemberData(nameof(Distributions))]
    public void A_mean_a_tenth_of_a_standard_deviation_off_is_rejected(double variance, double kurtosis)
    {
        (double tolerance, _) = ErrorBound.SampleMoments(Draws, variance, kurtosis * variance * variance, ErrorBound.SampleMomentStandardErrors);
        double sigma = Math.Sqrt(variance), standardError = sigma / Math.Sqrt(Draws), shift = 0.1 * sigma;
        double accepted = SpecialFunctions.NormalCdf((tolerance - shift) / standardError) - SpecialFunctions.NormalCdf((-tolerance - shift) / standardError);
        Assert.True(1 - accepted >= Power, $"mean {shift:G4}: tolerance ±{tolerance:G4} accepts with probability {accepted:G3}");
    }

    /// <summary>
    /// U(±sL) against U(±L): supₓ |G − F| = |s − 1|/(2·max(s, 1)). By Dvoretzky–Kiefer–Wolfowitz the sample's distance
    /// to G exceeds t with probability at most 2e^(−2nt²), so with t = D − ε − u_T the test rejects with at least
    /// 1 − 2e^(−2nt²), for every n, not only asymptotically.
    /// </summary>
    [Theory]
    [InlineData(1.1)]
    [InlineData(0.9)]
    public void A_scale_ten_percent_off_fails_the_kolmogorov_smirnov_test(double scale)
    {
        double critical = ErrorBound.KolmogorovSmirnov(Draws, ErrorBound.KolmogorovSmirnovSignificance) + ErrorBound.UnitRoundoff<float>();
        double distance = Math.Abs(scale - 1) / (2 * Math.Max(scale, 1));
        double margin = distance - critical;
        Assert.True(margin > 0 && 1 - (2 * Math.Exp(-2 * Draws * margin * margin)) >= Power, $"scale {scale}: distance {distance:G4}, critical value {critical:G4}");
    }

    /// <summary>
    /// The same on actual draws, seeded: U(±√1.1) and U(±√0.9) fail the second-moment check against U(±1), U(±1.1)
    /// and U(±0.9) the Kolmogorov–Smirnov check, and U(±1) itself passes both.
    /// </summary>
    [Theory]
    [InlineData(20261129)]
    [InlineData(1)]
    [InlineData(4)]
    public void Seeded_samples_from_a_wrong_uniform_fail_and_from_the_right_one_pass(int seed)
    {
        const double Variance = 1.0 / 3, FourthMoment = 1.0 / 5;
        (double meanTolerance, double varianceTolerance) = ErrorBound.SampleMoments(Draws, Variance, FourthMoment, ErrorBound.SampleMomentStandardErrors);
        double critical = ErrorBound.KolmogorovSmirnov(Draws, ErrorBound.KolmogorovSmirnovSignificance) + ErrorBound.UnitRoundoff<float>();

        double[] right = Uniform(seed, 1);
        Assert.True(Math.Abs(right.Average()) <= meanTolerance);
        Assert.True(Math.Abs(SecondMoment(right) - Variance) <= varianceTolerance);
        Assert.True(Distance(right) <= critical);

        foreach (double off in new[] { 1.1, 0.9 })
        {
            double secondMoment = SecondMoment(Uniform(seed, Math.Sqrt(off)));
            Assert.True(Math.Abs(secondMoment - Variance) > varianceTolerance, $"variance × {off}: second moment {secondMoment:G6} within {Variance:G6} ± {varianceTolerance:G4}");
            double distance = Distance(Uniform(seed, off));
            Assert.True(distance > critical, $"scale × {off}: distance {distance:G4} ≤ {critical:G4}");
        }

        // Shifted by a tenth of a standard deviation, the mean fails.
        double shifted = Uniform(seed, 1).Average() + (0.1 * Math.Sqrt(Variance));
        Assert.True(Math.Abs(shifted) > meanTolerance, $"mean {shifted:G4} within ±{meanTolerance:G4}");
    }

    private static double[] Uniform(int seed, double limit)
    {
        var random = new Random(seed);
        double[] values = new double[Draws];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = limit * ((2 * random.NextDouble()) - 1);
        }

        return values;
    }

    private static double SecondMoment(double[] values) => values.Sum(v => v * v) / values.Length;

    // supₓ |Fₙ(x) − F(x)| against U(±1), as FidelitySpecification computes it.
    private static double Distance(double[] values)
    {
        double[] sorted = [.. values.Order()];
        double distance = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double f = Math.Clamp((sorted[i] + 1) / 2, 0, 1);
            distance = Math.Max(distance, Math.Max(f - ((double)i / sorted.Length), ((double)(i + 1) / sorted.Length) - f));
        }

        return distance;
    }
}
