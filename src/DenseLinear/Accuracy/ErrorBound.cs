using System.Numerics;
using DenseLinear.Numerics;

namespace DenseLinear.Accuracy;

/// <summary>
/// The one place where tolerances come from. Every bound is a theorem, not an epsilon picked to pass.
/// </summary>
/// <remarks>
/// <para>Higham, <i>Accuracy and Stability of Numerical Algorithms</i> (2nd ed.), §3.1 and §2.2: for any order of
/// summation, with or without fused multiply-add, <c>|fl(xᵀw) − xᵀw| ≤ γₖ·|x|ᵀ|w|</c> where
/// <c>γₖ = k·u / (1 − k·u)</c> and <c>u</c> is the unit roundoff, 2⁻²⁴ for float and 2⁻⁵³ for double.</para>
/// <para>Underflow: with gradual underflow, additions are exact when their result is subnormal, and each product
/// carries an absolute error of at most η/2 besides its relative one, η being the smallest positive subnormal.
/// The k products add at most <c>k·η</c> (Higham §2.1, "underflow"), so the bound used is
/// <c>γₖ·gauge + k·η</c> with <c>gauge = Σₚ |x[i,p]|·|W(p,j)|</c>.</para>
/// <para>The reference itself (<see cref="ExactReference{T}"/>) is computed in double with compensated
/// summation; its own error, and the rounding of the gauge, are added so the check stays rigorous for double.</para>
/// <para>A bias adds one more term of gauge <c>|b|</c>, so a layer with bias uses <c>k + 1</c>.</para>
/// </remarks>
public static class ErrorBound
{
    /// <summary>The unit roundoff u: 2⁻²⁴ for float, 2⁻⁵³ for double (half the machine epsilon).</summary>
    public static double UnitRoundoff<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        // Epsilon here is .NET's smallest subnormal; the precision p follows from the type, u = 2^-p.
        typeof(T) == typeof(float) ? Math.ScaleB(1, -24)
        : typeof(T) == typeof(double) ? Math.ScaleB(1, -53)
        : typeof(T) == typeof(Half) ? Math.ScaleB(1, -11)
        : throw new NotSupportedException($"No unit roundoff is known for {typeof(T).Name}.");

    /// <summary>The smallest positive subnormal η of <typeparamref name="T"/>.</summary>
    public static double SmallestSubnormal<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => double.CreateChecked(T.Epsilon);

    /// <summary><c>γₖ = k·u / (1 − k·u)</c>; infinite when k·u ≥ 1 (no bound exists).</summary>
    public static double Gamma(int k, double unitRoundoff)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        double ku = k * unitRoundoff;
        return ku < 1 ? ku / (1 - ku) : double.PositiveInfinity;
    }

    /// <summary>
    /// The largest admissible |computed − reference| for one element of a length-<paramref name="terms"/> dot
    /// product in <typeparamref name="T"/>: <c>γₖ(u)·gauge + k·η + referenceError</c>, slightly inflated for the
    /// rounding of the gauge in double.
    /// </summary>
    /// <remarks>
    /// Exactly: <c>(γₖ(u_T)·gauge·(1 + γₖ₊₁(u_d)) + k·η_T + referenceError)·(1 + 2u_d)</c>, k = <paramref name="terms"/>;
    /// the gauge, a (k + 1)-operation sum in double, is within γₖ₊₁(u_d) of its exact value, and the 2u_d covers the
    /// rounding of the caller's |computed − reference|.
    /// </remarks>
    /// <param name="terms">The number of summed products (k, or k + 1 with a bias).</param>
    /// <param name="gauge">Σ|x|·|w| (plus |b|), as <see cref="ExactReference{T}"/> computes it.</param>
    /// <param name="referenceError">The reference's own error bound, from <see cref="ExactReference{T}"/>.</param>
    public static double DotProduct<T>(int terms, double gauge, double referenceError)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double gaugeRounding = 1 + Gamma(terms + 1, UnitRoundoff<double>());
        double bound = (Gamma(terms, UnitRoundoff<T>()) * gauge * gaugeRounding)
            + (terms * SmallestSubnormal<T>())
            + referenceError;

        // The caller's |computed − reference| is itself rounded once in double.
        return bound * (1 + (2 * UnitRoundoff<double>()));
    }

    /// <summary>
    /// The bound for one output of a mixed-precision product (<see cref="IMixedPrecisionKernel{TWeight}"/>): 16-bit
    /// weights widen to float exactly, so the float analysis holds unchanged on the widened weights, and this is
    /// <see cref="DotProduct{T}"/> for float: <c>γₖ(2⁻²⁴)·gauge + k·η_float + referenceError</c>, gauge = Σ|x|·|float(w)|.
    /// </summary>
    /// <param name="terms">The number of summed products (k, or k + 1 with a bias).</param>
    /// <param name="gauge">Σ|x|·|float(w)| (plus |b|).</param>
    /// <param name="referenceError">The reference's own error bound.</param>
    public static double MixedPrecisionDotProduct(int terms, double gauge, double referenceError) =>
        DotProduct<float>(terms, gauge, referenceError);

    /// <summary>
    /// The unit roundoff of a 16-bit storage format: 2⁻⁸ for <see cref="BFloat16"/> (8 significant bits), 2⁻¹¹ for
    /// <see cref="Half"/> (11 significant bits).
    /// </summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TWeight"/> is neither.</exception>
    public static double SixteenBitUnitRoundoff<TWeight>()
        where TWeight : unmanaged =>
        typeof(TWeight) == typeof(BFloat16) ? Math.ScaleB(1, -8)
        : typeof(TWeight) == typeof(Half) ? Math.ScaleB(1, -11)
        : throw new NotSupportedException($"No 16-bit unit roundoff is known for {typeof(TWeight).Name}.");

    /// <summary>The smallest positive subnormal of a 16-bit format: 2⁻¹³³ for <see cref="BFloat16"/>, 2⁻²⁴ for <see cref="Half"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TWeight"/> is neither.</exception>
    public static double SixteenBitSmallestSubnormal<TWeight>()
        where TWeight : unmanaged =>
        typeof(TWeight) == typeof(BFloat16) ? Math.ScaleB(1, -133)
        : typeof(TWeight) == typeof(Half) ? Math.ScaleB(1, -24)
        : throw new NotSupportedException($"No 16-bit subnormal is known for {typeof(TWeight).Name}.");

    /// <summary>
    /// The bound once a computed output within <paramref name="bound"/> of <paramref name="reference"/> is rounded to
    /// 16 bits (as PyTorch's bfloat16 <c>F.linear</c> returns it): rounding to nearest adds at most
    /// <c>u₁₆·|ŷ| + η₁₆/2</c>, and <c>|ŷ| ≤ |y| + bound</c>, so <c>bound + u₁₆·(|y| + bound) + η₁₆/2</c>, inflated by
    /// <c>(1 + 2u_d)</c> for its own rounding in double. Valid while |ŷ| stays below the format's largest finite value.
    /// </summary>
    /// <param name="bound">The bound of the output before the 16-bit rounding.</param>
    /// <param name="reference">The exact output y.</param>
    public static double SixteenBitOutput<TWeight>(double bound, double reference)
        where TWeight : unmanaged =>
        (bound + (SixteenBitUnitRoundoff<TWeight>() * (Math.Abs(reference) + bound)) + (SixteenBitSmallestSubnormal<TWeight>() / 2))
        * (1 + (2 * UnitRoundoff<double>()));

    /// <summary>
    /// Freivalds' check of one row, <c>|fl(x·W)·r − x·(W·r)|</c> for a vector r of <paramref name="columns"/> weights:
    /// each output is within its dot-product bound, so the weighted sum is within
    /// <c>γₖ(u_T)·Σⱼ|rⱼ|·gaugeᵢⱼ + k·η_T·Σⱼ|rⱼ|</c>, plus the reference's own error.
    /// </summary>
    /// <remarks>
    /// Exactly: <c>(γₖ(u_T)·G·(1 + γₖ₊ₙ₊₂(u_d)) + k·η_T·R + referenceError)·(1 + 2u_d)</c>, k = <paramref name="terms"/>,
    /// n = <paramref name="columns"/>, G = <paramref name="weightedGauge"/> = Σₚ|x[i,p]|·Σⱼ|W(p,j)|·|rⱼ| (two nested
    /// non-negative sums in double, within γₖ₊ₙ₊₂(u_d) of exact), R = <paramref name="weightSum"/> = Σⱼ|rⱼ|.
    /// </remarks>
    /// <param name="terms">k, the length of each output's dot product.</param>
    /// <param name="columns">n, the length of r.</param>
    /// <param name="weightedGauge">Σⱼ |rⱼ|·Σₚ |x[i,p]|·|W(p,j)|, computed as Σₚ |x[i,p]|·(|W|·|r|)ₚ.</param>
    /// <param name="weightSum">Σⱼ |rⱼ|.</param>
    /// <param name="referenceError">The error of the double evaluation of both sides (<see cref="FreivaldsReference{T}"/>).</param>
    public static double Freivalds<T>(int terms, int columns, double weightedGauge, double weightSum, double referenceError)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double gaugeRounding = 1 + Gamma(terms + columns + 2, UnitRoundoff<double>());
        double bound = (Gamma(terms, UnitRoundoff<T>()) * weightedGauge * gaugeRounding)
            + (terms * SmallestSubnormal<T>() * weightSum)
            + referenceError;
        return bound * (1 + (2 * UnitRoundoff<double>()));
    }

    /// <summary>
    /// Additivity, <c>|K(fl(x₁ + x₂)) − (K(x₁) + K(x₂))|</c>: the three products' bounds, plus the rounding of
    /// the input sum, which moves the exact product by at most <c>u·(|x₁| + |x₂|)·|W| = u·(g₁ + g₂)</c>, plus
    /// the double rounding of the comparison itself (4u_d·<paramref name="magnitude"/>).
    /// </summary>
    /// <remarks>
    /// Exactly: <c>boundOfSum + bound1 + bound2 + u_T·(g₁ + g₂)·(1 + 2u_d) + 4u_d·magnitude</c>, where g₁, g₂ are
    /// <paramref name="gauge1"/>, <paramref name="gauge2"/>, and <paramref name="magnitude"/> is the size of the values
    /// compared (|K(x₁) + K(x₂)| as computed in double).
    /// </remarks>
    public static double Additivity<T>(double boundOfSum, double bound1, double bound2, double gauge1, double gauge2, double magnitude)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        boundOfSum + bound1 + bound2 + (UnitRoundoff<T>() * (gauge1 + gauge2) * (1 + (2 * UnitRoundoff<double>())))
        + (4 * UnitRoundoff<double>() * magnitude);

    /// <summary>
    /// Homogeneity, <c>|K(fl(α·x)) − α·K(x)|</c>: the scaled product's bound, |α| times the unscaled one, plus the
    /// rounding of α·x (<c>u·|α|·g</c>) and of the comparison (4u_d·<paramref name="magnitude"/>).
    /// </summary>
    /// <remarks>
    /// Exactly: <c>boundOfScaled + |α|·bound·(1 + 2u_d) + u_T·|α|·gauge·(1 + 2u_d) + 4u_d·magnitude</c>, where
    /// <paramref name="bound"/> and <paramref name="gauge"/> are those of the unscaled product K(x).
    /// </remarks>
    public static double Homogeneity<T>(double boundOfScaled, double bound, double gauge, double alpha, double magnitude)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        boundOfScaled + (Math.Abs(alpha) * bound * (1 + (2 * UnitRoundoff<double>())))
        + (UnitRoundoff<T>() * Math.Abs(alpha) * gauge * (1 + (2 * UnitRoundoff<double>())))
        + (4 * UnitRoundoff<double>() * magnitude);

    /// <summary>
    /// How far two float implementations of <c>a(x·K + b)</c> may differ (e.g. this library and TensorFlow.js), both
    /// pre-activations being within <paramref name="preActivationBound"/> B of the exact value.
    /// </summary>
    /// <remarks>
    /// <para>Mean value theorem: |a(v) − a(v')| ≤ L·|v − v'| ≤ L·2B, with L = sup|a'|: 1 for linear, relu and tanh,
    /// 1/4 for sigmoid. Linear and relu add no rounding (relu only selects), so their allowance is exactly 2B.</para>
    /// <para>Sigmoid and tanh then round, in ulps of the output: one side evaluates in float (expf ≤ 1 ulp through
    /// 1/(1 + e⁻ᵛ) with two roundings: 4 ulps; glibc's tanhf ≤ 2 ulps: 4 ulps), the other in double rounded once to
    /// float (≤ 0.5 ulp): 5 ulps of the larger |y| in all.</para>
    /// <para>Exactly: <c>L·2B + n·ulp(max(|y|, |y′|))</c> with ulp(v) the gap from the float v to the next float up,
    /// L = 1/4 and n = 5 for sigmoid, L = 1 and n = 5 for tanh, L = 1 and n = 0 for linear and relu. Only these four
    /// activations are covered by the derivation: any other gets L = 1 and n = 0, which is no bound for it (GELU's
    /// sup|a′| is about 1.13, and it rounds).</para>
    /// </remarks>
    /// <param name="activation">The activation both implementations apply.</param>
    /// <param name="preActivationBound">B: the bound on each pre-activation's distance to the exact value.</param>
    /// <param name="y">One implementation's output.</param>
    /// <param name="yOther">The other implementation's output.</param>
    public static double ActivationPair(Activation activation, double preActivationBound, float y, float yOther)
    {
        double lipschitz = activation == DenseLinear.Activation.Sigmoid ? 0.25 : 1;
        int roundingUlps = activation is DenseLinear.Activation.Sigmoid or DenseLinear.Activation.Tanh ? 5 : 0;
        float larger = Math.Max(Math.Abs(y), Math.Abs(yOther));
        double ulp = MathF.BitIncrement(larger) - larger;
        return (lipschitz * 2 * preActivationBound) + (roundingUlps * ulp);
    }

    /// <summary>The BLAS test ratio of <c>xBLAT3</c>: error / (u · gauge); below γₖ/u ≈ k when the bound holds.</summary>
    public static double TestRatio<T>(double error, double gauge)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        error == 0 ? 0 : error / (UnitRoundoff<T>() * gauge);

    /// <summary>The smallest positive normal number of <typeparamref name="T"/>: 2⁻¹²⁶ (float), 2⁻¹⁰²² (double).</summary>
    public static double SmallestNormal<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? Math.ScaleB(1, -126)
        : typeof(T) == typeof(double) ? Math.ScaleB(1, -1022)
        : typeof(T) == typeof(Half) ? Math.ScaleB(1, -14)
        : throw new NotSupportedException($"No smallest normal is known for {typeof(T).Name}.");

    /// <summary>
    /// The admissible |computed − reference| of an elementwise activation computed by
    /// <c>Layers.ActivationFunctions</c> in <typeparamref name="T"/>, against the same formula evaluated in double
    /// (<paramref name="reference"/>).
    /// </summary>
    /// <remarks>
    /// <para>Assumes the platform's exp is faithful to 1 ulp (relative 2u; glibc's <c>exp</c>/<c>expf</c> are) and tanh to 2
    /// ulps (relative 4u; glibc documents ≤ 2 ulps for <c>tanhf</c>).</para>
    /// <list type="bullet">
    /// <item>linear, relu: 0 — they are exact.</item>
    /// <item>sigmoid 1/(1 + e⁻ᵛ): e⁻ᵛ carries 2u, the sum 1 + E passes at most E/(1 + E) ≤ 1 of it on and adds u, the
    /// division u: 4u to first order, 5u with the second-order terms, in <typeparamref name="T"/> and again in the double
    /// reference. When e⁻ᵛ overflows, the result is 0 and the exact value is below 1/(1 + max) &lt; the smallest normal.</item>
    /// <item>tanh: 4u in each.</item>
    /// <item>GELU: computed in double by the same formula and rounded once: u_T.</item>
    /// </list>
    /// <para>Every case adds the smallest normal of <typeparamref name="T"/>: below it, results are subnormal (absolute
    /// error η/2) or flushed to 0 by an overflowing exponential. The relative part is inflated by 1 + 8u_d for the
    /// comparison's own rounding.</para>
    /// <para>Exactly: <c>relative·(1 + 8u_d)·|reference| + λ_T</c>, λ_T the smallest normal of <typeparamref name="T"/>,
    /// with relative = 5(u_T + u_d) for sigmoid, 4(u_T + u_d) for tanh, u_T for GELU; 0 (no λ_T) for linear and relu.
    /// Softmax throws <see cref="ArgumentOutOfRangeException"/>.</para>
    /// </remarks>
    public static double Activation<T>(Activation activation, double reference)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double u = UnitRoundoff<T>(), ud = UnitRoundoff<double>();
        double relative = activation switch
        {
            DenseLinear.Activation.Linear or DenseLinear.Activation.Relu => 0,
            DenseLinear.Activation.Sigmoid => 5 * (u + ud),
            DenseLinear.Activation.Tanh => 4 * (u + ud),
            DenseLinear.Activation.Gelu => u,
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Softmax is not elementwise; use SoftmaxRelative."),
        };
        return relative == 0 ? 0 : (relative * (1 + (8 * ud)) * Math.Abs(reference)) + SmallestNormal<T>();
    }

    /// <summary>
    /// The relative error of one softmax value computed by <c>Layers.ActivationFunctions</c> (in double, rounded to
    /// <typeparamref name="T"/>) against the exact softmax of the same row: <c>u_T + 1.01·(spread + n + 3)·u_d</c>.
    /// </summary>
    /// <remarks>
    /// With m the row maximum and spread = max − min: vⱼ − m is rounded by at most u_d·spread, which e^(·) turns into a
    /// relative error of the same size; exp adds 2u_d, the n-term positive sum (n − 1)u_d, the division u_d, the rounding
    /// to <typeparamref name="T"/> u_T. The factor 1.01 covers second-order terms while (spread + n + 3)·u_d ≤ 0.01.
    /// Values below the smallest normal of <typeparamref name="T"/> add an absolute error η (see
    /// <see cref="Softmax{T}"/>).
    /// </remarks>
    public static double SoftmaxRelative<T>(int rowLength, double spread)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        UnitRoundoff<T>() + (1.01 * (spread + rowLength + 3) * UnitRoundoff<double>());

    /// <summary>
    /// The admissible |computed − reference| of one softmax value against a double-precision evaluation of the same
    /// formula (<paramref name="reference"/>), both within <see cref="SoftmaxRelative{T}"/> of the exact value (the
    /// reference with u_T = 0): the two relative errors add, plus η of <typeparamref name="T"/> and of double for values
    /// that underflow.
    /// </summary>
    /// <remarks>
    /// Exactly: <c>(R_T + R_d − u_d)·(1 + 4u_d)·|reference| + η_T + η_d</c>, R the <see cref="SoftmaxRelative{T}"/> of
    /// <paramref name="rowLength"/> and <paramref name="spread"/>; the 4u_d covers the rounding of this expression and of
    /// the comparison.
    /// </remarks>
    public static double Softmax<T>(int rowLength, double spread, double reference)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double relative = SoftmaxRelative<T>(rowLength, spread) + SoftmaxRelative<double>(rowLength, spread) - UnitRoundoff<double>();
        return (relative * (1 + (4 * UnitRoundoff<double>())) * Math.Abs(reference)) + SmallestSubnormal<T>() + double.Epsilon;
    }

    /// <summary>
    /// |Σⱼ yⱼ − 1| for a computed softmax row, the sum taken in double: each yⱼ is within R =
    /// <see cref="SoftmaxRelative{T}"/> of an exact value and the exact values sum to 1, so the row is within R, plus
    /// n·η for underflowed values, plus the double summation's γₙ(u_d)·(1 + R).
    /// </summary>
    public static double SoftmaxRowSum<T>(int rowLength, double spread)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double r = SoftmaxRelative<T>(rowLength, spread);
        return r + (rowLength * SmallestSubnormal<T>()) + (Gamma(rowLength, UnitRoundoff<double>()) * (1 + r));
    }

    /// <summary>
    /// |softmax(fl(v + c))ⱼ − softmax(v)ⱼ| for computed softmaxes, where adding c to the row in <typeparamref name="T"/>
    /// moves each logit by at most Δ = u_T·max|fl(v + c)|·(1 + u_T).
    /// </summary>
    /// <remarks>
    /// Softmax is exactly invariant to a common shift, and moving every logit by at most Δ changes each exact value by a
    /// factor in [e^(−2Δ), e^(2Δ)]. With both computed rows within R = <see cref="SoftmaxRelative{T}"/> (spread of
    /// either row) of their exact values: |y′ − y| ≤ (R·e^(2Δ) + e^(2Δ) − 1 + R)·|y|/(1 − R) + 2η.
    /// Computed exactly as <c>((R·G + (G − 1) + R)·|y|/(1 − R))·(1 + 4u_d) + 2η_T</c> with
    /// <c>G = e^(2Δ)·(1 + 4u_d)</c>: the 4u_d in G covers exp's error and G's rounding, the outer one the rounding of
    /// the expression and of the comparison.
    /// </remarks>
    /// <param name="rowLength">n.</param>
    /// <param name="spread">The larger spread (max − min) of the two rows.</param>
    /// <param name="maxAbsShifted">max |fl(vⱼ + c)|.</param>
    /// <param name="magnitude">|y|, the unshifted computed value.</param>
    public static double SoftmaxShift<T>(int rowLength, double spread, double maxAbsShifted, double magnitude)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double u = UnitRoundoff<T>();
        double delta = u * maxAbsShifted * (1 + u);
        double r = SoftmaxRelative<T>(rowLength, spread);
        double growth = Math.Exp(2 * delta) * (1 + (4 * UnitRoundoff<double>()));
        return ((((r * growth) + (growth - 1) + r) * magnitude / (1 - r)) * (1 + (4 * UnitRoundoff<double>()))) + (2 * SmallestSubnormal<T>());
    }

    /// <summary>
    /// Two layers in a row against the exact composed map, |L₂(L₁(x)) − (W₂·W₁·x + W₂·b₁ + b₂)|, for one output j.
    /// </summary>
    /// <remarks>
    /// The first layer's computed ĥ differs from the exact h by at most B₁ₚ (its own <see cref="DotProduct{T}"/> bound,
    /// per element p). The second layer computes fl(W₂ĥ + b₂), within B₂ⱼ of W₂ĥ + b₂, its bound with the gauge taken on
    /// ĥ. And |W₂ĥ − W₂h| ≤ Σₚ |W₂[j, p]|·B₁ₚ. So |ŷⱼ − yⱼ| ≤ B₂ⱼ + Σₚ |W₂[j, p]|·B₁ₚ; the sum is taken in double
    /// (× 1 + γ_{hidden+1}(u_d)), and the double reference's own error is added. Exactly:
    /// <c>(B₂ⱼ + P·(1 + γ_{hidden+1}(u_d)) + referenceError)·(1 + 2u_d)</c>, P the propagated first-layer bound, the
    /// 2u_d for the rounding of the comparison. The result does not depend on <typeparamref name="T"/>: B₁ and B₂ carry it.
    /// </remarks>
    /// <param name="hidden">The width of the hidden layer (terms of the propagated sum).</param>
    /// <param name="secondLayerBound">B₂ⱼ.</param>
    /// <param name="propagatedFirstLayerBound">Σₚ |W₂[j, p]|·B₁ₚ, computed in double.</param>
    /// <param name="referenceError">The reference's error.</param>
    public static double ComposedThroughLayers<T>(int hidden, double secondLayerBound, double propagatedFirstLayerBound, double referenceError)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (secondLayerBound + (propagatedFirstLayerBound * (1 + Gamma(hidden + 1, UnitRoundoff<double>()))) + referenceError)
        * (1 + (2 * UnitRoundoff<double>()));

    /// <summary>
    /// One composed layer (Ŵ = fl(W₂·W₁), b̂ = fl(W₂·b₁ + b₂), then ŷ = fl(Ŵx + b̂)) against the exact composed map, for
    /// one output j.
    /// </summary>
    /// <remarks>
    /// Each element of Ŵ is a <c>hidden</c>-term dot product: |Ŵ − W₂W₁| ≤ γ_hidden·|W₂||W₁| elementwise; each b̂ has
    /// one more term: |b̂ − b| ≤ γ_{hidden+1}·(|W₂||b₁| + |b₂|). The layer adds γ_{in+1}·(|Ŵ||x| + |b̂|), and the
    /// composed weights' errors reach the output as γ_hidden·(|W₂||W₁|)|x| + γ_{hidden+1}·(|W₂||b₁| + |b₂|). Each of
    /// the in + hidden + 2 rounded products may underflow by η. Gauges are taken in double (× 1 + (in + hidden + 4)u_d).
    /// Exactly, with γ of u_T: <c>((γ_{in+1}·layerGauge + γ_hidden·weightProductGauge + γ_{hidden+1}·biasGauge
    /// + (in + hidden + 2)·η_T)·(1 + (in + hidden + 4)·u_d) + referenceError)·(1 + 2u_d)</c>, the 2u_d for the rounding
    /// of the comparison.
    /// </remarks>
    /// <param name="inFeatures">in, the terms of the composed layer's dot product (a bias adds one).</param>
    /// <param name="hidden">The inner dimension of W₂·W₁.</param>
    /// <param name="layerGauge">Σᵢ |Ŵ[j, i]||xᵢ| + |b̂ⱼ|.</param>
    /// <param name="weightProductGauge">Σᵢ (Σₚ |W₂[j, p]||W₁[p, i]|)·|xᵢ|.</param>
    /// <param name="biasGauge">Σₚ |W₂[j, p]||b₁ₚ| + |b₂ⱼ|.</param>
    /// <param name="referenceError">The reference's error.</param>
    public static double ComposedLayer<T>(int inFeatures, int hidden, double layerGauge, double weightProductGauge, double biasGauge, double referenceError)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double u = UnitRoundoff<T>();
        double bound = (Gamma(inFeatures + 1, u) * layerGauge)
            + (Gamma(hidden, u) * weightProductGauge)
            + (Gamma(hidden + 1, u) * biasGauge)
            + ((inFeatures + hidden + 2) * SmallestSubnormal<T>());
        return ((bound * (1 + ((inFeatures + hidden + 4) * UnitRoundoff<double>()))) + referenceError) * (1 + (2 * UnitRoundoff<double>()));
    }

    /// <summary>
    /// The statistical tolerance of an initializer's sample moments: <paramref name="z"/> standard errors. The sample
    /// mean of n draws has standard error √(Var/n); the sample second moment Σw²/n (the mean is known to be 0) has
    /// √((E[w⁴] − Var²)/n).
    /// </summary>
    /// <remarks>
    /// Exactly: <c>(z·√(Var/n), z·√(max(E[w⁴] − Var², 0)/n))</c>; <paramref name="count"/> must be positive.
    /// </remarks>
    /// <param name="count">n, the number of draws.</param>
    /// <param name="variance">Var = E[w²] of the distribution (its mean is 0).</param>
    /// <param name="fourthMoment">E[w⁴] of the distribution.</param>
    /// <param name="z">How many standard errors to allow (<see cref="SampleMomentStandardErrors"/>).</param>
    /// <returns>The tolerances of the mean and of the second moment.</returns>
    public static (double Mean, double Variance) SampleMoments(int count, double variance, double fourthMoment, double z)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (z * Math.Sqrt(variance / count), z * Math.Sqrt(Math.Max(fourthMoment - (variance * variance), 0) / count));
    }

    /// <summary>
    /// The Kolmogorov–Smirnov critical value at significance <paramref name="alpha"/> for n draws:
    /// <c>ε = √(ln(2/α) / (2n))</c>. By the Dvoretzky–Kiefer–Wolfowitz inequality with Massart's constant,
    /// P(supₓ |Fₙ(x) − F(x)| &gt; ε) ≤ 2e^(−2nε²) = α for every n, not only asymptotically.
    /// </summary>
    public static double KolmogorovSmirnov(int count, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Math.Sqrt(Math.Log(2 / alpha) / (2.0 * count));
    }

    /// <summary>
    /// Standard errors allowed for an initializer's sample mean and second moment: for a correct initializer each
    /// statistic is approximately normal (central limit theorem), and P(|Z| &gt; 5) = 5.7·10⁻⁷.
    /// </summary>
    public const double SampleMomentStandardErrors = 5;

    /// <summary>
    /// The significance α of the Kolmogorov–Smirnov test on initializers (<see cref="KolmogorovSmirnov"/>): a correct
    /// initializer is rejected with probability at most 10⁻⁶ per test.
    /// </summary>
    public const double KolmogorovSmirnovSignificance = 1e-6;

    /// <summary>The central-difference step of the gradient check: torch.autograd.gradcheck's default <c>eps</c>.</summary>
    public const double GradcheckEps = 1e-6;

    /// <summary>The gradient check's absolute tolerance: gradcheck's default <c>atol</c>.</summary>
    public const double GradcheckAtol = 1e-5;

    /// <summary>The gradient check's relative tolerance: gradcheck's default <c>rtol</c>.</summary>
    public const double GradcheckRtol = 1e-3;

    /// <summary>
    /// gradcheck's criterion, |analytic − numeric| ≤ atol + rtol·|numeric|, as the admissible difference. In double
    /// with values of order 1, the central difference (L(θ + ε) − L(θ − ε))/2ε carries a rounding error of about
    /// u_d·|L|/ε ≈ 10⁻¹⁰·|L| and a truncation error of ε²·|L‴|/6 ≈ 10⁻¹³, far inside atol; a float backward pass
    /// adds its own rounding, γₖ·gauge ≈ 10⁻⁶ for the small layers checked, also inside atol.
    /// </summary>
    public static double Gradcheck(double numeric) => GradcheckAtol + (GradcheckRtol * Math.Abs(numeric));

    /// <summary>
    /// The admissible |erf(x) − value| (or erfc) against a value given to 30 decimal digits: the stated accuracy
    /// <see cref="SpecialFunctions.AccuracyInUnitRoundoffs"/>·u_d relative, plus one u_d for rounding the decimal to
    /// double.
    /// </summary>
    public static double Erf(double reference) =>
        (SpecialFunctions.AccuracyInUnitRoundoffs + 1) * UnitRoundoff<double>() * Math.Abs(reference);
}
