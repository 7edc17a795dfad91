using System.Numerics;

namespace DenseLinear;

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
    /// Additivity, <c>|K(fl(x₁ + x₂)) − (K(x₁) + K(x₂))|</c>: the three products' bounds, plus the rounding of
    /// the input sum, which moves the exact product by at most <c>u·(|x₁| + |x₂|)·|W| = u·(g₁ + g₂)</c>, plus
    /// the double rounding of the comparison itself (4u_d·<paramref name="magnitude"/>).
    /// </summary>
    public static double Additivity<T>(double boundOfSum, double bound1, double bound2, double gauge1, double gauge2, double magnitude)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        boundOfSum + bound1 + bound2 + (UnitRoundoff<T>() * (gauge1 + gauge2) * (1 + UnitRoundoff<double>()))
        + (4 * UnitRoundoff<double>() * magnitude);

    /// <summary>
    /// Homogeneity, <c>|K(fl(α·x)) − α·K(x)|</c>: the scaled product's bound, |α| times the unscaled one, plus the
    /// rounding of α·x (<c>u·|α|·g</c>) and of the comparison (4u_d·<paramref name="magnitude"/>).
    /// </summary>
    public static double Homogeneity<T>(double boundOfScaled, double bound, double gauge, double alpha, double magnitude)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        boundOfScaled + (Math.Abs(alpha) * bound * (1 + UnitRoundoff<double>()))
        + (UnitRoundoff<T>() * Math.Abs(alpha) * gauge * (1 + (2 * UnitRoundoff<double>())))
        + (4 * UnitRoundoff<double>() * magnitude);

    /// <summary>The BLAS test ratio of <c>xBLAT3</c>: error / (u · gauge); below γₖ/u ≈ k when the bound holds.</summary>
    public static double TestRatio<T>(double error, double gauge)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        error == 0 ? 0 : error / (UnitRoundoff<T>() * gauge);
}
