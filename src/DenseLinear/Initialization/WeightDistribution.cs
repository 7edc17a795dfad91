using System.Numerics;
using DenseLinear.Numerics;

namespace DenseLinear.Initialization;

/// <summary>
/// The distribution an initializer draws every value from: U(−L, L), a normal truncated at ±2σ, or the constant 0;
/// with the moments and distribution function the specification tests samples against.
/// </summary>
public sealed record WeightDistribution
{
    // Keras' truncated normal redraws beyond two standard deviations.
    private const double Cut = 2;

    private WeightDistribution(string name, double limit, double sigma)
    {
        Name = name;
        Limit = limit;
        Sigma = sigma;
    }

    /// <summary>A readable description, e.g. <c>U(−0.25, 0.25)</c>.</summary>
    public string Name { get; }

    /// <summary>The largest |value| the distribution can produce: L for the uniform, 2σ for the truncated normal, 0 for zeros.</summary>
    public double Limit { get; }

    /// <summary>σ of the normal before truncation; 0 for the other kinds.</summary>
    public double Sigma { get; }

    /// <summary>Whether this is the truncated normal.</summary>
    public bool IsTruncatedNormal => Sigma > 0;

    /// <summary>The mean, 0 for every kind here (all are symmetric about 0).</summary>
    public static double Mean => 0;

    /// <summary>
    /// The variance: L²/3 for U(−L, L); for the normal truncated at ±aσ (a = 2),
    /// σ²·(1 − 2aφ(a)/(2Φ(a) − 1)) = (0.87962566·σ)².
    /// </summary>
    public double Variance => IsTruncatedNormal ? Sigma * Sigma * StandardTruncatedMoment(2) : Limit * Limit / 3;

    /// <summary>
    /// The fourth moment E[w⁴], for the standard error of the sample variance: L⁴/5 for the uniform; for the truncated
    /// normal σ⁴·I₄/P with Iₙ = ∫₋ₐᵃ zⁿφ(z)dz, I₄ = 3I₂ − 2a³φ(a), I₂ = P − 2aφ(a), P = 2Φ(a) − 1.
    /// </summary>
    public double FourthMoment => IsTruncatedNormal
        ? Math.Pow(Sigma, 4) * StandardTruncatedMoment(4)
        : Math.Pow(Limit, 4) / 5;

    /// <summary>U(−<paramref name="limit"/>, <paramref name="limit"/>); the constant 0 when the limit is 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is negative, infinite or NaN.</exception>
    public static WeightDistribution Uniform(double limit)
    {
        ThrowIfNotFiniteOrNegative(limit);
        return limit == 0 ? Zeros : new($"U(−{limit:R}, {limit:R})", limit, 0);
    }

    /// <summary>N(0, σ²) truncated at ±2σ (values beyond are redrawn), as Keras' <c>TruncatedNormal</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">σ is negative, infinite or NaN.</exception>
    public static WeightDistribution TruncatedNormal(double sigma)
    {
        ThrowIfNotFiniteOrNegative(sigma);
        return sigma == 0 ? Zeros : new($"N(0, {sigma:R}²) truncated at ±2σ", Cut * sigma, sigma);
    }

    /// <summary>The constant 0.</summary>
    public static WeightDistribution Zeros { get; } = new("zeros", 0, 0);

    /// <summary>P(w ≤ <paramref name="value"/>).</summary>
    public double Cdf(double value)
    {
        if (Limit == 0)
        {
            return value >= 0 ? 1 : 0;
        }

        if (value <= -Limit)
        {
            return 0;
        }

        if (value >= Limit)
        {
            return 1;
        }

        if (!IsTruncatedNormal)
        {
            return (value + Limit) / (2 * Limit);
        }

        double low = SpecialFunctions.NormalCdf(-Cut);
        return (SpecialFunctions.NormalCdf(value / Sigma) - low) / (SpecialFunctions.NormalCdf(Cut) - low);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> in order with draws from <paramref name="random"/>. Each value is drawn in
    /// double and rounded to <typeparamref name="T"/>; a draw that rounding carried past <see cref="Limit"/> (possible
    /// only within one <typeparamref name="T"/> ulp of it) is redrawn, so |w| ≤ L holds exactly.
    /// </summary>
    public void Sample<T>(Random random, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < destination.Length; i++)
        {
            T value;
            do
            {
                value = T.CreateTruncating(Draw(random));
            }
            while (Math.Abs(double.CreateChecked(value)) > Limit);

            destination[i] = value;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    // E[Zⁿ] of the standard normal truncated at ±a, n = 2 or 4, by the recursion Iₙ = (n − 1)Iₙ₋₂ − 2aⁿ⁻¹φ(a).
    private static double StandardTruncatedMoment(int n)
    {
        double phi = Math.Exp(-Cut * Cut / 2) / Math.Sqrt(2 * Math.PI);
        double p = (2 * SpecialFunctions.NormalCdf(Cut)) - 1;
        double i2 = p - (2 * Cut * phi);
        double i4 = (3 * i2) - (2 * Cut * Cut * Cut * phi);
        return (n == 2 ? i2 : i4) / p;
    }

    private double Draw(Random random)
    {
        if (Limit == 0)
        {
            return 0;
        }

        if (!IsTruncatedNormal)
        {
            // NextDouble is in [0, 1): the value is in [−L, L).
            return ((2 * random.NextDouble()) - 1) * Limit;
        }

        while (true)
        {
            // Box–Muller, one normal per pair of uniforms; 1 − U avoids log(0).
            double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            double z = radius * Math.Cos(2 * Math.PI * random.NextDouble());
            if (Math.Abs(z) <= Cut)
            {
                return z * Sigma;
            }
        }
    }

    // NaN passes ThrowIfNegative, and an infinite width has no distribution to draw from.
    private static void ThrowIfNotFiniteOrNegative(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite, got {value}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
    }
}
