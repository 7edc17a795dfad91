using DenseLinear.Accuracy;
using DenseLinear.Numerics;
using Xunit;

namespace DenseLinear.Properties.Accuracy;

/// <summary>
/// Every public bound of <see cref="ErrorBound"/> equals the formula its documentation states, evaluated here from
/// the documentation on concrete inputs (float and double, short and long sums, each activation). A looser bound still
/// passes every correct kernel, so only a comparison with the formula notices one; the comparison allows
/// <see cref="Tolerance"/>, two units of 2⁻⁵², for the roundings of evaluating the formula in double.
/// </summary>
public sealed class ErrorBoundFormulaTests
{
    private const double UFloat = 1.0 / (1 << 24);
    private const double UDouble = 1.0 / (1L << 53);

    // η as a double: 2⁻¹⁴⁹ for float, 2⁻¹⁰⁷⁴ for double.
    private const double EtaFloat = float.Epsilon;
    private const double EtaDouble = double.Epsilon;

    // 4·2⁻⁵³: a few roundings of the formula in double, and no more.
    private static readonly double Tolerance = Math.ScaleB(1, -51);

    /// <summary>(γₖ(u_T)·gauge·(1 + γₖ₊₁(u_d)) + k·η_T + referenceError)·(1 + 2u_d).</summary>
    [Theory]
    [InlineData(0, 0.0, 1e-12)]
    [InlineData(1, 1.0, 0.0)]
    [InlineData(3, 0.7, 1e-17)]
    [InlineData(100, 0.0, 0.0)]
    [InlineData(4096, 123.5, 2.5e-12)]
    [InlineData(1_000_000, 3e5, 0.0)]
    public void DotProduct_is_gamma_k_times_the_gauge_plus_underflow_plus_the_references_error(int terms, double gauge, double referenceError)
    {
        Check(ErrorBound.DotProduct<float>(terms, gauge, referenceError), UFloat, EtaFloat);
        Check(ErrorBound.DotProduct<double>(terms, gauge, referenceError), UDouble, EtaDouble);

        void Check(double actual, double u, double eta)
        {
            double formula = ((Gamma(terms, u) * gauge * (1 + Gamma(terms + 1, UDouble))) + (terms * eta) + referenceError) * (1 + (2 * UDouble));
            AssertFormula(formula, actual, $"DotProduct(k={terms}, gauge={gauge}, ref={referenceError}, u={u})");
        }
    }

    /// <summary>The mixed-precision bound is float's on the widened weights: the same formula with u = 2⁻²⁴, η = 2⁻¹⁴⁹.</summary>
    [Theory]
    [InlineData(0, 0.0, 1e-12)]
    [InlineData(3, 0.7, 1e-17)]
    [InlineData(4096, 123.5, 2.5e-12)]
    public void MixedPrecisionDotProduct_is_the_float_bound(int terms, double gauge, double referenceError)
    {
        double formula = ((Gamma(terms, UFloat) * gauge * (1 + Gamma(terms + 1, UDouble))) + (terms * EtaFloat) + referenceError) * (1 + (2 * UDouble));
        AssertFormula(formula, ErrorBound.MixedPrecisionDotProduct(terms, gauge, referenceError), $"MixedPrecisionDotProduct(k={terms}, gauge={gauge}, ref={referenceError})");
    }

    /// <summary>(B + u₁₆·(|y| + B) + η₁₆/2)·(1 + 2u_d), with u₁₆ = 2⁻⁸, η₁₆ = 2⁻¹³³ (bfloat16) and 2⁻¹¹, 2⁻²⁴ (binary16).</summary>
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1e-6, 3.0)]
    [InlineData(2.5e-3, -1234.5)]
    [InlineData(1e-40, 1e-38)]
    public void SixteenBitOutput_adds_one_rounding_to_16_bits(double bound, double reference)
    {
        Check(ErrorBound.SixteenBitOutput<BFloat16>(bound, reference), Math.ScaleB(1, -8), Math.ScaleB(1, -133));
        Check(ErrorBound.SixteenBitOutput<Half>(bound, reference), Math.ScaleB(1, -11), Math.ScaleB(1, -24));
        Assert.Equal(Math.ScaleB(1, -8), ErrorBound.SixteenBitUnitRoundoff<BFloat16>());
        Assert.Equal(Math.ScaleB(1, -11), ErrorBound.SixteenBitUnitRoundoff<Half>());
        Assert.Equal((double)(float)BFloat16.FromBits(1), ErrorBound.SixteenBitSmallestSubnormal<BFloat16>());
        Assert.Equal((double)BitConverter.UInt16BitsToHalf(1), ErrorBound.SixteenBitSmallestSubnormal<Half>());
        Assert.Throws<NotSupportedException>(() => ErrorBound.SixteenBitUnitRoundoff<float>());

        void Check(double actual, double u16, double eta16)
        {
            double formula = (bound + (u16 * (Math.Abs(reference) + bound)) + (eta16 / 2)) * (1 + (2 * UDouble));
            AssertFormula(formula, actual, $"SixteenBitOutput(bound={bound}, y={reference}, u16={u16})");
        }
    }

    /// <summary>B₁₊₂ + B₁ + B₂ + u_T·(g₁ + g₂)·(1 + 2u_d) + 4u_d·magnitude.</summary>
    [Theory]
    [InlineData(1e-6, 2e-7, 3e-7, 10.0, 20.0, 1e3)]
    [InlineData(0.0, 0.0, 0.0, 0.0, 0.0, 1.0)]
    [InlineData(0.0, 0.0, 0.0, 0.5, 0.25, 0.0)]
    [InlineData(3e-9, 0.0, 1e-9, 1e-5, 7.0, 2.5)]
    [InlineData(1e-300, 1e-300, 1e-300, 1e-290, 1e-290, 1e-280)]
    public void Additivity_is_the_three_bounds_plus_the_rounded_input_sum_plus_the_comparison(
        double boundOfSum, double bound1, double bound2, double gauge1, double gauge2, double magnitude)
    {
        Check(ErrorBound.Additivity<float>(boundOfSum, bound1, bound2, gauge1, gauge2, magnitude), UFloat);
        Check(ErrorBound.Additivity<double>(boundOfSum, bound1, bound2, gauge1, gauge2, magnitude), UDouble);

        void Check(double actual, double u)
        {
            double formula = boundOfSum + bound1 + bound2 + (u * (gauge1 + gauge2) * (1 + (2 * UDouble))) + (4 * UDouble * magnitude);
            AssertFormula(formula, actual, $"Additivity(u={u})");
        }
    }

    /// <summary>B_αx + |α|·B·(1 + 2u_d) + u_T·|α|·g·(1 + 2u_d) + 4u_d·magnitude.</summary>
    [Theory]
    [InlineData(1e-6, 2e-7, 10.0, 3.0, 1e3)]
    [InlineData(1e-6, 2e-7, 10.0, -0.125, 0.0)]
    [InlineData(0.0, 1e-7, 0.0, -7.5, 0.0)]
    [InlineData(0.0, 0.0, 100.0, 2.0, 0.0)]
    [InlineData(0.0, 0.0, 0.0, 0.0, 4.0)]
    [InlineData(5e-12, 1e-12, 1e4, 0.0, 1.0)]
    public void Homogeneity_is_the_scaled_bound_plus_alpha_times_the_bound_plus_the_rounded_scaling_plus_the_comparison(
        double boundOfScaled, double bound, double gauge, double alpha, double magnitude)
    {
        Check(ErrorBound.Homogeneity<float>(boundOfScaled, bound, gauge, alpha, magnitude), UFloat);
        Check(ErrorBound.Homogeneity<double>(boundOfScaled, bound, gauge, alpha, magnitude), UDouble);

        void Check(double actual, double u)
        {
            double a = Math.Abs(alpha);
            double formula = boundOfScaled + (a * bound * (1 + (2 * UDouble))) + (u * a * gauge * (1 + (2 * UDouble))) + (4 * UDouble * magnitude);
            AssertFormula(formula, actual, $"Homogeneity(α={alpha}, u={u})");
        }
    }

    /// <summary>
    /// The margins for a rounding in double are factors 1 + 2u_d, the first double above 1 (1 + u_d rounds to 1): on
    /// powers of two every step is exact, so the factor shows bitwise.
    /// </summary>
    [Fact]
    public void Rounding_margins_are_the_first_double_above_one()
    {
        double margin = 1 + (2 * UDouble);
        Assert.Equal(UFloat * 0.5 * margin, ErrorBound.Additivity<float>(0, 0, 0, 0.25, 0.25, 0));
        Assert.Equal(0.25 * margin, ErrorBound.Homogeneity<double>(0, 0.125, 0, -2, 0));
        Assert.Equal(UFloat * 2 * margin, ErrorBound.Homogeneity<float>(0, 0, 1, 2, 0));
    }

    /// <summary>
    /// L·2B + (rounding ulps)·ulp(max(|y|, |y′|)): L = 1/4 for sigmoid and 1 for linear, relu and tanh; 5 ulps for
    /// sigmoid and tanh, none for linear and relu. The ulps are written out, not taken from BitIncrement.
    /// </summary>
    [Theory]
    [InlineData(Activation.Linear, 1.0, 0)]
    [InlineData(Activation.Relu, 1.0, 0)]
    [InlineData(Activation.Sigmoid, 0.25, 5)]
    [InlineData(Activation.Tanh, 1.0, 5)]
    public void ActivationPair_is_the_lipschitz_constant_times_twice_the_bound_plus_ulps_of_the_larger_output(Activation activation, double lipschitz, int ulps)
    {
        (float Y, float Other, double Ulp)[] outputs =
        [
            (0.75f, -1.5f, Math.ScaleB(1, -23)), // |y′| larger: ulp(1.5) = 2⁻²³, ulp(0.75) = 2⁻²⁴
            (-1.5f, 0.75f, Math.ScaleB(1, -23)), // the same, the other way round
            (0.3f, 0.2f, Math.ScaleB(1, -25)), // 0.3 ∈ [1/4, 1/2): 2⁻²⁵
            (1000f, 1e-3f, Math.ScaleB(1, -14)), // 1000 ∈ [512, 1024): 2⁻¹⁴
            (0f, -0f, Math.ScaleB(1, -149)), // at 0: the smallest subnormal
        ];
        foreach (double preActivationBound in new[] { 0, 3e-7, 0.5, 12 })
        {
            foreach ((float y, float other, double ulp) in outputs)
            {
                double formula = (lipschitz * 2 * preActivationBound) + (ulps * ulp);
                AssertFormula(formula, ErrorBound.ActivationPair(activation, preActivationBound, y, other), $"ActivationPair({activation}, B={preActivationBound}, {y}, {other})");
            }
        }
    }

    /// <summary>
    /// relative·(1 + 8u_d)·|reference| + (smallest normal of T), with relative = 5(u_T + u_d) for sigmoid,
    /// 4(u_T + u_d) for tanh, u_T for GELU.
    /// </summary>
    [Theory]
    [InlineData(Activation.Sigmoid, 5.0, 5.0)]
    [InlineData(Activation.Tanh, 4.0, 4.0)]
    [InlineData(Activation.Gelu, 1.0, 0.0)]
    public void Activation_bound_is_its_relative_error_times_the_reference_plus_the_smallest_normal(Activation activation, double ofUnitRoundoff, double ofDoubleRoundoff)
    {
        foreach (double reference in new[] { 1, 0.5, -0.37, 0.999, 3.5e5, -1e-30, 1e-200, 0 })
        {
            Check(ErrorBound.Activation<float>(activation, reference), UFloat, Math.ScaleB(1, -126));
            Check(ErrorBound.Activation<double>(activation, reference), UDouble, Math.ScaleB(1, -1022));

            void Check(double actual, double u, double smallestNormal)
            {
                double relative = (ofUnitRoundoff * u) + (ofDoubleRoundoff * UDouble);
                double formula = (relative * (1 + (8 * UDouble)) * Math.Abs(reference)) + smallestNormal;
                AssertFormula(formula, actual, $"Activation({activation}, {reference}, u={u})");
            }
        }
    }

    [Fact]
    public void Activation_bound_of_linear_and_relu_is_zero_and_softmax_has_none()
    {
        foreach (Activation exact in new[] { Activation.Linear, Activation.Relu })
        {
            foreach (double reference in new[] { 0, 1, -2.5, 1e300, double.Epsilon })
            {
                Assert.Equal(0, ErrorBound.Activation<float>(exact, reference));
                Assert.Equal(0, ErrorBound.Activation<double>(exact, reference));
            }
        }

        ArgumentOutOfRangeException softmax = Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBound.Activation<float>(Activation.Softmax, 0.5));
        Assert.Equal("activation", softmax.ParamName);
        Assert.Equal<object?>(Activation.Softmax, softmax.ActualValue);
        Assert.StartsWith("Softmax is not elementwise; use SoftmaxRelative.", softmax.Message, StringComparison.Ordinal);
    }

    /// <summary>R_T = u_T + 1.01·(spread + n + 3)·u_d.</summary>
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(10, 3.5)]
    [InlineData(1000, 40.0)]
    [InlineData(50_000, 1e3)]
    public void SoftmaxRelative_is_u_plus_one_point_zero_one_times_spread_plus_n_plus_three_double_roundoffs(int rowLength, double spread)
    {
        AssertFormula(Relative(UFloat, rowLength, spread), ErrorBound.SoftmaxRelative<float>(rowLength, spread), $"SoftmaxRelative<float>({rowLength}, {spread})");
        AssertFormula(Relative(UDouble, rowLength, spread), ErrorBound.SoftmaxRelative<double>(rowLength, spread), $"SoftmaxRelative<double>({rowLength}, {spread})");
    }

    /// <summary>(R_T + (R_d − u_d))·(1 + 4u_d)·|reference| + η_T + η_d: the reference's R has u_T = 0.</summary>
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(10, 3.5)]
    [InlineData(1000, 40.0)]
    public void Softmax_bound_adds_the_relative_errors_of_both_evaluations_and_both_smallest_subnormals(int rowLength, double spread)
    {
        foreach (double reference in new[] { 1, 0.5, 0.1, 1e-3, 1e-30, 0 })
        {
            Check(ErrorBound.Softmax<float>(rowLength, spread, reference), UFloat, EtaFloat);
            Check(ErrorBound.Softmax<double>(rowLength, spread, reference), UDouble, EtaDouble);

            void Check(double actual, double u, double eta)
            {
                double relative = Relative(u, rowLength, spread) + (Relative(UDouble, rowLength, spread) - UDouble);
                double formula = (relative * (1 + (4 * UDouble)) * Math.Abs(reference)) + eta + EtaDouble;
                AssertFormula(formula, actual, $"Softmax(n={rowLength}, spread={spread}, ref={reference}, u={u})");
            }
        }

        // With a zero reference only the two η remain: 2⁻¹⁰⁷³ in double.
        Assert.Equal(2 * double.Epsilon, ErrorBound.Softmax<double>(rowLength, spread, 0));
    }

    /// <summary>R + n·η_T + γₙ(u_d)·(1 + R).</summary>
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(10, 3.5)]
    [InlineData(1000, 40.0)]
    [InlineData(100_000, 7.0)]
    public void SoftmaxRowSum_is_R_plus_underflow_plus_the_double_summation(int rowLength, double spread)
    {
        Check(ErrorBound.SoftmaxRowSum<float>(rowLength, spread), UFloat, EtaFloat);
        Check(ErrorBound.SoftmaxRowSum<double>(rowLength, spread), UDouble, EtaDouble);

        void Check(double actual, double u, double eta)
        {
            double r = Relative(u, rowLength, spread);
            double formula = r + (rowLength * eta) + (Gamma(rowLength, UDouble) * (1 + r));
            AssertFormula(formula, actual, $"SoftmaxRowSum(n={rowLength}, spread={spread}, u={u})");
        }
    }

    /// <summary>
    /// Δ = u_T·max|fl(v + c)|·(1 + u_T), G = e^(2Δ)·(1 + 4u_d): ((R·G + (G − 1) + R)·|y|/(1 − R))·(1 + 4u_d) + 2η_T.
    /// </summary>
    [Theory]
    [InlineData(10, 3.0, 1000.0, 0.25)]
    [InlineData(1000, 40.0, 1.0, 1e-3)]
    [InlineData(4, 0.0, 0.0, 0.5)]
    [InlineData(3, 1.0, 1e5, 0.9)]
    [InlineData(2, 1.0, 1e-3, 0.0)]
    public void SoftmaxShift_is_both_rows_relative_errors_grown_by_the_shifts_rounding(int rowLength, double spread, double maxAbsShifted, double magnitude)
    {
        Check(ErrorBound.SoftmaxShift<float>(rowLength, spread, maxAbsShifted, magnitude), UFloat, EtaFloat);
        Check(ErrorBound.SoftmaxShift<double>(rowLength, spread, maxAbsShifted, magnitude), UDouble, EtaDouble);

        void Check(double actual, double u, double eta)
        {
            double delta = u * maxAbsShifted * (1 + u);
            double r = Relative(u, rowLength, spread);
            double g = Math.Exp(2 * delta) * (1 + (4 * UDouble));
            double formula = (((r * g) + (g - 1) + r) * magnitude / (1 - r) * (1 + (4 * UDouble))) + (2 * eta);
            AssertFormula(formula, actual, $"SoftmaxShift(n={rowLength}, spread={spread}, max={maxAbsShifted}, |y|={magnitude}, u={u})");
        }
    }

    /// <summary>(B₂ + P·(1 + γ_{hidden+1}(u_d)) + referenceError)·(1 + 2u_d).</summary>
    [Theory]
    [InlineData(1_000_000, 1e-9, 1e-3, 0.0)]
    [InlineData(16, 1e-6, 2e-6, 1e-15)]
    [InlineData(0, 0.0, 0.0, 1e-12)]
    [InlineData(128, 0.0, 5e-7, 0.0)]
    [InlineData(64, 3e-8, 0.0, 0.0)]
    public void ComposedThroughLayers_is_the_second_bound_plus_the_propagated_first_plus_the_references_error(
        int hidden, double secondLayerBound, double propagatedFirstLayerBound, double referenceError)
    {
        double formula = (secondLayerBound + (propagatedFirstLayerBound * (1 + Gamma(hidden + 1, UDouble))) + referenceError) * (1 + (2 * UDouble));
        AssertFormula(formula, ErrorBound.ComposedThroughLayers<float>(hidden, secondLayerBound, propagatedFirstLayerBound, referenceError), $"ComposedThroughLayers<float>(hidden={hidden})");
        AssertFormula(formula, ErrorBound.ComposedThroughLayers<double>(hidden, secondLayerBound, propagatedFirstLayerBound, referenceError), $"ComposedThroughLayers<double>(hidden={hidden})");
    }

    /// <summary>
    /// ((γ_{in+1}·g_layer + γ_hidden·g_W₂W₁ + γ_{hidden+1}·g_b + (in + hidden + 2)·η_T)·(1 + (in + hidden + 4)·u_d)
    /// + referenceError)·(1 + 2u_d), γ of u_T.
    /// </summary>
    [Theory]
    [InlineData(784, 128, 50.0, 40.0, 3.0, 1e-14)]
    [InlineData(1, 1, 1.0, 1.0, 1.0, 0.0)]
    [InlineData(3, 5, 0.0, 0.0, 0.0, 0.0)]
    [InlineData(64, 1_000_000, 0.5, 1e-3, 1e-3, 0.0)]
    [InlineData(100_000, 20, 0.0, 2.0, 0.0, 0.0)]
    [InlineData(8, 8, 0.0, 0.0, 7.0, 0.0)]
    public void ComposedLayer_is_the_layers_bound_plus_the_composed_weights_and_bias_errors(
        int inFeatures, int hidden, double layerGauge, double weightProductGauge, double biasGauge, double referenceError)
    {
        Check(ErrorBound.ComposedLayer<float>(inFeatures, hidden, layerGauge, weightProductGauge, biasGauge, referenceError), UFloat, EtaFloat);
        Check(ErrorBound.ComposedLayer<double>(inFeatures, hidden, layerGauge, weightProductGauge, biasGauge, referenceError), UDouble, EtaDouble);

        void Check(double actual, double u, double eta)
        {
            double bound = (Gamma(inFeatures + 1, u) * layerGauge)
                + (Gamma(hidden, u) * weightProductGauge)
                + (Gamma(hidden + 1, u) * biasGauge)
                + ((inFeatures + hidden + 2) * eta);
            double formula = ((bound * (1 + ((inFeatures + hidden + 4) * UDouble))) + referenceError) * (1 + (2 * UDouble));
            AssertFormula(formula, actual, $"ComposedLayer(in={inFeatures}, hidden={hidden}, u={u})");
        }
    }

    /// <summary>(z·√(Var/n), z·√(max(E[w⁴] − Var², 0)/n)).</summary>
    [Theory]
    [InlineData(12_000, 1.0 / 600, 1.0 / 200_000, 5.0)]
    [InlineData(768, 0.5, 0.5, 5.0)]
    [InlineData(60, 1e-4, 3e-8, 3.0)]
    [InlineData(1, 2.0, 3.0, 1.0)] // E[w⁴] < Var²: no spread of the second moment, tolerance 0
    [InlineData(7, 0.0, 0.0, 5.0)]
    public void SampleMoments_are_z_standard_errors_of_the_mean_and_the_second_moment(int count, double variance, double fourthMoment, double z)
    {
        (double mean, double secondMoment) = ErrorBound.SampleMoments(count, variance, fourthMoment, z);
        AssertFormula(z * Math.Sqrt(variance / count), mean, $"SampleMoments({count}).Mean");
        AssertFormula(z * Math.Sqrt(Math.Max(fourthMoment - (variance * variance), 0) / count), secondMoment, $"SampleMoments({count}).Variance");
    }

    [Fact]
    public void SampleMoments_at_the_initialization_tests_size_match_values_computed_independently()
    {
        // n = 12 000 (a [60 × 200] weight), U(±1/√200): Var = L²/3 = 1/600, E[w⁴] = L⁴/5 = 1/200 000, z = 5; computed
        // with Python's decimal module at 50 digits: 5·√(1/600/12 000) and 5·√((1/200 000 − 1/360 000)/12 000).
        (double mean, double secondMoment) = ErrorBound.SampleMoments(12_000, 1.0 / 600, 1.0 / 200_000, ErrorBound.SampleMomentStandardErrors);
        AssertFormula(0.0018633899812498247470076447239427301962005152996763, mean, "mean tolerance");
        AssertFormula(0.000068041381743977169394369002075163649776831874462685, secondMoment, "second-moment tolerance");
    }

    /// <summary>ε = √(ln(2/α)/(2n)).</summary>
    [Theory]
    [InlineData(12_000, 1e-6)]
    [InlineData(768, 1e-6)]
    [InlineData(60, 0.05)]
    [InlineData(1, 0.5)]
    [InlineData(1_000_000, 1e-3)]
    public void KolmogorovSmirnov_is_the_dvoretzky_kiefer_wolfowitz_radius(int count, double alpha)
    {
        AssertFormula(Math.Sqrt(Math.Log(2 / alpha) / (2.0 * count)), ErrorBound.KolmogorovSmirnov(count, alpha), $"KolmogorovSmirnov({count}, {alpha})");
    }

    [Fact]
    public void KolmogorovSmirnov_at_the_initialization_tests_size_matches_a_value_computed_independently()
    {
        // √(ln(2·10⁶)/24 000), Python's decimal module at 50 digits.
        AssertFormula(0.024587139031856522114035130335074212022969113649215, ErrorBound.KolmogorovSmirnov(12_000, ErrorBound.KolmogorovSmirnovSignificance), "ε");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void The_statistical_tolerances_refuse_an_empty_sample(int count)
    {
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBound.SampleMoments(count, 1, 1, 5)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBound.KolmogorovSmirnov(count, 1e-6)).ParamName);
    }

    /// <summary>gradcheck's atol + rtol·|numeric|, with its defaults atol = 10⁻⁵, rtol = 10⁻³.</summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-2.5)]
    [InlineData(1e4)]
    [InlineData(1e-7)]
    public void Gradcheck_is_atol_plus_rtol_times_the_numeric_gradient(double numeric)
    {
        AssertFormula(1e-5 + (1e-3 * Math.Abs(numeric)), ErrorBound.Gradcheck(numeric), $"Gradcheck({numeric})");
    }

    /// <summary>(stated accuracy + 1)·u_d·|reference|.</summary>
    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.999)]
    [InlineData(1e-20)]
    [InlineData(1.5)]
    [InlineData(0.0)]
    public void Erf_bound_is_the_stated_accuracy_plus_one_double_roundoff_relative(double reference)
    {
        double formula = (SpecialFunctions.AccuracyInUnitRoundoffs + 1) * UDouble * Math.Abs(reference);
        AssertFormula(formula, ErrorBound.Erf(reference), $"Erf({reference})");
    }

    // γₖ = k·u/(1 − k·u), written out here rather than taken from ErrorBound.Gamma.
    private static double Gamma(int k, double u) => k * u / (1 - (k * u));

    // SoftmaxRelative as its summary states it.
    private static double Relative(double u, int rowLength, double spread) => u + (1.01 * (spread + rowLength + 3) * UDouble);

    private static void AssertFormula(double formula, double actual, string what) =>
        Assert.True(
            Math.Abs(actual - formula) <= Tolerance * Math.Abs(formula),
            $"{what}: {actual:R}, the formula gives {formula:R} (relative difference {(actual - formula) / formula:G3})");
}
