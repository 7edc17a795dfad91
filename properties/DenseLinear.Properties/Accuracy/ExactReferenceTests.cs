using System.Numerics;
using DenseLinear.Accuracy;
using Xunit;

namespace DenseLinear.Properties.Accuracy;

/// <summary>
/// The reference every property trusts, checked against exact integer arithmetic: Dot2's promise (one double
/// rounding, Ogita–Rump–Oishi), the gauge, both layouts, the bias term, and how <see cref="ExactReference{T}.FindViolation"/>
/// judges. Fixed seeds, so a failure replays.
/// </summary>
public sealed class ExactReferenceTests
{
    private const double U = 1.0 / (1L << 53);

    /// <summary>
    /// Dot products built to cancel (each large term comes back negated), where plain double summation loses every
    /// digit: the reference still lands within u·|xᵀw| + γₖ²·Σ|x||w| of the exact value, and its gauge within γₖ₊₁
    /// of the exact Σ|x||w|.
    /// </summary>
    [Fact]
    public void Ill_conditioned_dot_products_are_within_one_double_rounding()
    {
        var random = new Random(2005);
        for (int trial = 0; trial < 400; trial++)
        {
            (double[] x, double[] w) = CancellingTerms(random);
            int k = x.Length;
            bool withBias = trial % 3 == 0;
            double[] bias = withBias ? [Wide(random, 30)] : [];
            ExactReference<double> reference = ExactReference<double>.Multiply(x, w, 1, k, 1, WeightLayout.InOut, bias);

            BigInteger exact = BigInteger.Zero, gauge = BigInteger.Zero;
            for (int p = 0; p < k; p++)
            {
                exact += ExactValue.Product(x[p], w[p]);
                gauge += BigInteger.Abs(ExactValue.Product(x[p], w[p]));
            }

            if (withBias)
            {
                exact += ExactValue.Scaled(bias[0]);
                gauge += BigInteger.Abs(ExactValue.Scaled(bias[0]));
            }

            int terms = withBias ? k + 1 : k;
            Assert.Equal(terms, reference.Terms);
            double gamma = ErrorBound.Gamma(terms, U);
            double error = ExactValue.ToDouble(BigInteger.Abs(ExactValue.Scaled(reference.Values[0]) - exact));
            double allowed = (U * ExactValue.ToDouble(BigInteger.Abs(exact)) * 1.0000001) + (gamma * gamma * ExactValue.ToDouble(gauge) * 1.0000001);
            Assert.True(error <= allowed, $"trial {trial}: |reference - exact| = {error:R} > {allowed:R} (k = {k}, bias = {withBias})");

            double gaugeError = ExactValue.ToDouble(BigInteger.Abs(ExactValue.Scaled(reference.Gauges[0]) - gauge));
            Assert.True(gaugeError <= ErrorBound.Gamma(terms + 1, U) * ExactValue.ToDouble(gauge) * 1.0000001, $"trial {trial}: gauge off by {gaugeError:R}");

            // The bound the kernels are held to covers the reference's own error.
            Assert.True(reference.Bound(0) >= error, $"trial {trial}: Bound(0) = {reference.Bound(0):R} < reference error {error:R}");
        }
    }

    /// <summary>
    /// Under underflow Dot2 is no longer error-free: a product below 2⁻⁹⁶⁹ may lose up to η/2 (η = 2⁻¹⁰⁷⁴) that
    /// neither the rounded product nor its FMA error term can hold, and the relative terms u·|res| + γₖ²·Σ|x||w|
    /// then underflow to 0 themselves. The reference's own bound (<see cref="ExactReference{T}.ReferenceErrors"/>)
    /// must still cover its error, checked exactly in integers: for subnormal products built to lose nearly η/2 each
    /// in the same direction (together more than k·η/4), for random subnormal products, and for normal products
    /// below 2⁻⁹⁶⁹ whose error term is subnormal and rounded, cancelled so the result is that rounded error alone.
    /// </summary>
    [Fact]
    public void Underflowing_products_stay_within_the_reference_s_own_bound()
    {
        var random = new Random(1074);
        BigInteger eta = ExactValue.Scaled(double.Epsilon);
        for (int trial = 0; trial < 600; trial++)
        {
            int kind = trial % 3;
            int k = kind == 2 ? 2 * random.Next(1, 9) : random.Next(1, 65);
            var x = new double[k];
            var w = new double[k];
            int sign = random.Next(2) == 0 ? -1 : 1;
            for (int p = 0; p < k; p++)
            {
                if (kind == 2)
                {
                    // A product near 2⁻⁹⁸⁰ with full 53-bit factors: its exact error has bits below η. The next term
                    // takes back the rounded product exactly, so only the error is left.
                    if (p % 2 == 0)
                    {
                        x[p] = sign * Math.ScaleB(1 + random.NextDouble(), -random.Next(0, 40));
                        w[p] = Math.ScaleB(1 + random.NextDouble(), -980 + (int)-Math.ILogB(x[p]));
                    }
                    else
                    {
                        x[p] = -(x[p - 1] * w[p - 1]);
                        w[p] = 1;
                    }

                    continue;
                }

                // x·w = ±(j + f)·η exactly, with j an integer: the product rounds to ±j·η and loses f·η.
                // Same direction: f = 1/2 − 2⁻ʳ (r ≥ 3), just short of a tie; random: any f in [0, 1), any sign.
                double fraction = kind == 0 ? 0.5 - Math.ScaleB(1, -random.Next(3, 30)) : random.NextDouble();
                double multiple = random.Next(0, 1 << 16) + fraction;
                int shift = random.Next(1, 100);
                x[p] = (kind == 0 ? sign : random.Next(2) == 0 ? -1 : 1) * Math.ScaleB(multiple, -shift);
                w[p] = Math.ScaleB(1, shift - 1074);
            }

            ExactReference<double> reference = ExactReference<double>.Multiply(x, w, 1, k, 1, WeightLayout.InOut);
            BigInteger exact = BigInteger.Zero;
            for (int p = 0; p < k; p++)
            {
                exact += ExactValue.Product(x[p], w[p]);
            }

            BigInteger error = BigInteger.Abs(ExactValue.Scaled(reference.Values[0]) - exact);
            BigInteger allowed = ExactValue.Scaled(reference.ReferenceErrors[0]);
            Assert.True(error <= allowed, $"trial {trial} (kind {kind}, k = {k}): |reference - exact| = {error}·2^-{ExactValue.Scale} > its bound {allowed}·2^-{ExactValue.Scale}");
            if (kind == 0)
            {
                // The construction does what it says: more than k·η/4 is lost, which is what the allowance must cover.
                Assert.True(4 * error > k * eta, $"trial {trial}: the same-direction losses add up to only {error}·2^-{ExactValue.Scale}");
            }
        }
    }

    /// <summary>Float inputs: every element of a random product, in both layouts and with a bias, is exact when the
    /// exact sum fits a double (small integers), and the gauge is exactly Σ|x||w| + |b|.</summary>
    [Fact]
    public void Integer_products_are_exact_in_both_layouts_and_with_bias()
    {
        var random = new Random(53);
        for (int trial = 0; trial < 200; trial++)
        {
            int m = random.Next(1, 5), k = random.Next(0, 7), n = random.Next(1, 6);
            float[] x = Integers(random, m * k), kernel = Integers(random, k * n), bias = Integers(random, n);
            float[] weightOutIn = new float[k * n];
            for (int p = 0; p < k; p++)
            {
                for (int j = 0; j < n; j++)
                {
                    weightOutIn[(j * k) + p] = kernel[(p * n) + j];
                }
            }

            ExactReference<float> inOut = ExactReference<float>.Multiply(x, kernel, m, k, n, WeightLayout.InOut, bias);
            ExactReference<float> outIn = ExactReference<float>.Multiply(x, weightOutIn, m, k, n, WeightLayout.OutIn, bias);
            Assert.Equal(m, inOut.Rows);
            Assert.Equal(n, inOut.Columns);
            Assert.Equal(k + 1, inOut.Terms);
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = bias[j], gauge = Math.Abs(bias[j]);
                    for (int p = 0; p < k; p++)
                    {
                        sum += (double)x[(i * k) + p] * kernel[(p * n) + j];
                        gauge += Math.Abs((double)x[(i * k) + p] * kernel[(p * n) + j]);
                    }

                    int index = (i * n) + j;
                    Assert.Equal(sum, inOut.Values[index]);
                    Assert.Equal(sum, outIn.Values[index]);
                    Assert.Equal(gauge, inOut.Gauges[index]);
                    Assert.Equal(gauge, outIn.Gauges[index]);
                }
            }
        }
    }

    [Fact]
    public void Without_bias_the_terms_are_k_and_a_wrong_bias_length_is_rejected()
    {
        ExactReference<float> reference = ExactReference<float>.Multiply([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], 2, 3, 2, WeightLayout.InOut);
        Assert.Equal(3, reference.Terms);
        Assert.Equal([6.0, 6.0, 15.0, 15.0], reference.Values.ToArray());

        ArgumentException e = Assert.Throws<ArgumentException>(() => ExactReference<float>.Multiply([1, 2, 3], [1, 1, 1], 1, 3, 1, WeightLayout.InOut, [1, 2]));
        Assert.Contains("bias has 2 elements", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The judge checks its own arguments before it computes: an undefined layout, and an x or w whose length does not
    /// match the shape, named with the weight's shape in the layout given.
    /// </summary>
    [Fact]
    public void Arguments_that_do_not_match_the_shape_are_refused_with_the_shapes_named()
    {
        ArgumentOutOfRangeException layout = Assert.Throws<ArgumentOutOfRangeException>(
            () => ExactReference<float>.Multiply([1, 2], [1, 2], 1, 2, 1, (WeightLayout)7));
        Assert.Equal("layout", layout.ParamName);
        Assert.StartsWith("Undefined weight layout.", layout.Message, StringComparison.Ordinal);

        ArgumentException x = Assert.Throws<ArgumentException>(
            () => ExactReference<float>.Multiply([1, 2, 3, 4, 5], new float[12], 2, 3, 4, WeightLayout.OutIn));
        Assert.Equal("x", x.ParamName);
        Assert.StartsWith("x has 5 elements but x [2×3] needs 6.", x.Message, StringComparison.Ordinal);

        ArgumentException outIn = Assert.Throws<ArgumentException>(
            () => ExactReference<double>.Multiply(new double[6], new double[11], 2, 3, 4, WeightLayout.OutIn));
        Assert.Equal("w", outIn.ParamName);
        Assert.StartsWith("w has 11 elements but W [4×3] (OutIn) needs 12.", outIn.Message, StringComparison.Ordinal);

        ArgumentException inOut = Assert.Throws<ArgumentException>(
            () => ExactReference<double>.Multiply(new double[6], new double[13], 2, 3, 4, WeightLayout.InOut));
        Assert.StartsWith("w has 13 elements but K [3×4] (InOut) needs 12.", inOut.Message, StringComparison.Ordinal);

        // With a zero beside it, a negative dimension leaves every length check satisfied: only its own check refuses it.
        Assert.Equal("m", Assert.Throws<ArgumentOutOfRangeException>(() => ExactReference<float>.Multiply([], [], -1, 0, 2, WeightLayout.InOut)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => ExactReference<float>.Multiply([], [], 0, -1, 0, WeightLayout.InOut)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => ExactReference<float>.Multiply([], [], 0, 0, -1, WeightLayout.InOut)).ParamName);
    }

    /// <summary>
    /// FindViolation accepts the rounded reference, rejects an error just past the bound and names its row and
    /// column, scales the bound by its factor, and matches non-finite references in kind.
    /// </summary>
    [Fact]
    public void FindViolation_judges_against_the_scaled_bound_and_names_the_element()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 100; trial++)
        {
            // k ≥ 16 keeps the float grid (u·|v| apart) finer than the bound (≈ k·u·gauge), so errors can be placed.
            int m = random.Next(1, 4), k = random.Next(16, 33), n = random.Next(1, 4);
            float[] x = Wides(random, m * k), kernel = Wides(random, k * n);
            ExactReference<float> reference = ExactReference<float>.Multiply(x, kernel, m, k, n, WeightLayout.InOut);
            float[] rounded = [.. reference.Values.ToArray().Select(v => (float)v)];
            Assert.Null(reference.FindViolation(rounded));

            int index = random.Next(m * n);
            double bound = reference.Bound(index);
            float[] off = (float[])rounded.Clone();
            off[index] = NextBeyond(reference.Values[index], 1.5 * bound);
            AccuracyViolation? violation = reference.FindViolation(off);
            Assert.NotNull(violation);
            Assert.Equal(index / n, violation.Row);
            Assert.Equal(index % n, violation.Column);
            Assert.Equal(reference.Values[index], violation.Expected);
            Assert.Equal((double)off[index], violation.Actual);
            Assert.Equal(bound, violation.Bound);
            Assert.Equal(ErrorBound.TestRatio<float>(Math.Abs(off[index] - reference.Values[index]), reference.Gauges[index]), violation.TestRatio);
            Assert.Null(reference.FindViolation(off, boundFactor: 2));
        }
    }

    /// <summary>A NaN reference (any NaN or ∞ among the terms: Dot2's error terms turn ∞ into NaN) is matched only by
    /// NaN; a wrong length is an argument error.</summary>
    [Fact]
    public void FindViolation_requires_NaN_where_the_reference_is_NaN_and_the_right_length()
    {
        ExactReference<float> reference = ExactReference<float>.Multiply([float.NaN, float.PositiveInfinity, 1], [1], 3, 1, 1, WeightLayout.InOut);
        Assert.True(double.IsNaN(reference.Values[0]) && double.IsNaN(reference.Values[1]));
        Assert.Null(reference.FindViolation([float.NaN, float.NaN, 1]));
        Assert.Equal(0, reference.FindViolation([0, float.NaN, 1])?.Row);
        Assert.Equal(1, reference.FindViolation([float.NaN, float.PositiveInfinity, 1])?.Row);
        Assert.Equal(2, reference.FindViolation([float.NaN, float.NaN, float.NaN])?.Row);
        ArgumentException e = Assert.Throws<ArgumentException>(() => reference.FindViolation([1, 2]));
        Assert.Contains("actual has 2 elements", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_violation_prints_index_values_bound_and_ratio_invariantly()
    {
        var violation = new AccuracyViolation(2, 5, 1.5, -0.25, 0.125, 1234.5678);
        Assert.Equal("y[2,5]: expected 1.5, actual -0.25, |error| 1.75 > bound 0.125 (test ratio 1235)", violation.ToString());
    }

    // The float nearest to expected ± distance, on the far side (at least distance away).
    private static float NextBeyond(double expected, double distance)
    {
        float candidate = (float)(expected + distance);
        while (Math.Abs(candidate - expected) < distance)
        {
            candidate = MathF.BitIncrement(candidate);
        }

        return candidate;
    }

    // Terms of wildly different sizes, then the large ones again negated: the exact sum is what the small ones leave.
    private static (double[] X, double[] W) CancellingTerms(Random random)
    {
        int half = random.Next(1, 6);
        var x = new List<double>();
        var w = new List<double>();
        for (int p = 0; p < half; p++)
        {
            x.Add(Wide(random, 40));
            w.Add(Wide(random, 40));
        }

        for (int p = 0; p < half; p++)
        {
            x.Add(random.Next(2) == 0 ? -x[p] : Wide(random, 40));
            w.Add(w[p]);
        }

        return ([.. x], [.. w]);
    }

    private static double Wide(Random random, int maxExponent) =>
        (random.Next(2) == 0 ? -1 : 1) * Math.ScaleB(1 + random.NextDouble(), random.Next(-maxExponent, maxExponent + 1));

    private static float[] Wides(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)Wide(random, 8))];

    private static float[] Integers(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)random.Next(-9, 10))];
}
