using System.Numerics;

namespace DenseLinear.Specification.Support;

/// <summary>
/// The class of each element of y = x·K with NaN or ±∞ among the inputs, from the IEEE 754 rules alone (no kernel is
/// the oracle). A term x·k is NaN when a factor is NaN or ∞ meets 0, ±∞ when a factor is infinite and the other is
/// nonzero (sign: the product of the signs), and finite otherwise. A sum with a NaN term, or with both +∞ and −∞, is
/// NaN; with infinities of one sign it is that infinity; otherwise it is finite, provided the finite terms cannot
/// overflow in any order, which the generated magnitudes guarantee. None of this depends on the summation order.
/// </summary>
public static class IeeePropagation
{
    /// <summary>The class of one value.</summary>
    public static IeeeClass Of<T>(T value)
        where T : IFloatingPointIeee754<T> =>
        T.IsNaN(value) ? IeeeClass.NaN
        : T.IsPositiveInfinity(value) ? IeeeClass.PositiveInfinity
        : T.IsNegativeInfinity(value) ? IeeeClass.NegativeInfinity
        : IeeeClass.Finite;

    /// <summary>The class of y[i, j] = Σₚ x[i, p]·K[p, j], for x [m×k] and K [k×n] row-major.</summary>
    public static IeeeClass OfDot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> kernelInOut, int k, int n, int i, int j)
        where T : IFloatingPointIeee754<T>
    {
        bool positive = false, negative = false;
        for (int p = 0; p < k; p++)
        {
            switch (OfProduct(x[(i * k) + p], kernelInOut[(p * n) + j]))
            {
                case IeeeClass.NaN:
                    return IeeeClass.NaN;
                case IeeeClass.PositiveInfinity:
                    positive = true;
                    break;
                case IeeeClass.NegativeInfinity:
                    negative = true;
                    break;
            }
        }

        return positive && negative ? IeeeClass.NaN
            : positive ? IeeeClass.PositiveInfinity
            : negative ? IeeeClass.NegativeInfinity
            : IeeeClass.Finite;
    }

    /// <summary>The class of the product a·b.</summary>
    public static IeeeClass OfProduct<T>(T a, T b)
        where T : IFloatingPointIeee754<T>
    {
        if (T.IsNaN(a) || T.IsNaN(b) || (T.IsInfinity(a) && T.IsZero(b)) || (T.IsZero(a) && T.IsInfinity(b)))
        {
            return IeeeClass.NaN;
        }

        if (!T.IsInfinity(a) && !T.IsInfinity(b))
        {
            return IeeeClass.Finite;
        }

        return T.IsNegative(a) != T.IsNegative(b) ? IeeeClass.NegativeInfinity : IeeeClass.PositiveInfinity;
    }
}
