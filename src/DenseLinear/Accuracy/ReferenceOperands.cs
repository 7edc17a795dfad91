namespace DenseLinear.Accuracy;

/// <summary>
/// What the references (<see cref="ExactReference{T}"/>, <see cref="FreivaldsReference{T}"/>) share about their
/// operands: their own argument checks, since a judge shares no code with the kernels it judges, and how W is read.
/// </summary>
internal static class ReferenceOperands
{
    /// <summary>
    /// Checks x [m×k] and W (<paramref name="layout"/>, k·n values) and returns W's shape as messages print it:
    /// <c>W [n×k] (OutIn)</c> or <c>K [k×n] (InOut)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">m, k or n is negative, or the layout is undefined.</exception>
    /// <exception cref="ArgumentException">x or w has the wrong length; the message names the shape it needs.</exception>
    public static string Validate<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, int m, int k, int n, WeightLayout layout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (layout is not (WeightLayout.InOut or WeightLayout.OutIn))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Undefined weight layout.");
        }

        string weightShape = layout == WeightLayout.OutIn ? $"W [{n}×{k}] (OutIn)" : $"K [{k}×{n}] (InOut)";
        if (x.Length != (long)m * k)
        {
            throw new ArgumentException($"x has {x.Length} elements but x [{m}×{k}] needs {(long)m * k}.", nameof(x));
        }

        if (w.Length != (long)k * n)
        {
            throw new ArgumentException($"w has {w.Length} elements but {weightShape} needs {(long)k * n}.", nameof(w));
        }

        return weightShape;
    }

    /// <summary>W(p, j), the weight of input p for output j, as <paramref name="layout"/> stores it.</summary>
    public static T Weight<T>(ReadOnlySpan<T> w, int p, int j, int k, int n, WeightLayout layout) =>
        layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p];
}
