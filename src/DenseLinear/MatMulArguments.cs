using System.Numerics;

namespace DenseLinear;

/// <summary>The argument checks every <see cref="IMatMulKernel{T}"/> performs before it touches memory.</summary>
public static class MatMulArguments
{
    /// <summary>
    /// Throws unless <c>x</c> holds exactly m·k elements, <c>w</c> exactly k·n, <c>y</c> at least m·n, no
    /// dimension is negative, no product overflows <see cref="int"/>, and <c>y</c> overlaps neither input.
    /// Nothing is written, so a failed call leaves <c>y</c> as it was.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative dimension or an undefined layout.</exception>
    /// <exception cref="ArgumentException">A length mismatch, an overflowing product, or overlapping spans;
    /// the message names the shapes.</exception>
    public static void Validate<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ThrowIfUndefined(layout);

        // The shapes are described only on the way to a throw: a valid call, however small, formats no string.
        int xLength = Product(m, k, "x", m, k, n, layout);
        int wLength = Product(k, n, "w", m, k, n, layout);
        int yLength = Product(m, n, "y", m, k, n, layout);
        if (x.Length != xLength)
        {
            throw new ArgumentException($"x has {x.Length} elements but {Describe(m, k, n, layout)} needs x [{m}×{k}] = {xLength}.", nameof(x));
        }

        if (w.Length != wLength)
        {
            throw new ArgumentException($"w has {w.Length} elements but {Describe(m, k, n, layout)} needs w {WeightShape(k, n, layout)} = {wLength}.", nameof(w));
        }

        if (y.Length < yLength)
        {
            throw new ArgumentException($"y has {y.Length} elements but {Describe(m, k, n, layout)} needs y [{m}×{n}] = {yLength}.", nameof(y));
        }

        Span<T> written = y[..yLength];
        if (written.Overlaps(x) || written.Overlaps(w))
        {
            throw new ArgumentException($"y overlaps an input in {Describe(m, k, n, layout)}; the kernel writes y without reading it.", nameof(y));
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> ("Undefined weight layout.") unless the layout is InOut or OutIn.</summary>
    internal static void ThrowIfUndefined(WeightLayout layout)
    {
        if (layout is not (WeightLayout.InOut or WeightLayout.OutIn))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Undefined weight layout.");
        }
    }

    /// <summary>Describes a product for messages, e.g. <c>x [2×3] · W [4×3]ᵀ (OutIn)</c>.</summary>
    public static string Describe(int m, int k, int n, WeightLayout layout) =>
        layout == WeightLayout.OutIn
            ? $"x [{m}×{k}] · W {WeightShape(k, n, layout)}ᵀ (OutIn)"
            : $"x [{m}×{k}] · K {WeightShape(k, n, layout)} (InOut)";

    private static string WeightShape(int k, int n, WeightLayout layout) =>
        layout == WeightLayout.OutIn ? $"[{n}×{k}]" : $"[{k}×{n}]";

    private static int Product(int a, int b, string name, int m, int k, int n, WeightLayout layout)
    {
        long product = (long)a * b;
        if (!ArrayLength.FitsSpan(product))
        {
            throw new ArgumentException($"{name} would need {a}×{b} = {product} elements, more than a span holds, in {Describe(m, k, n, layout)}.", name);
        }

        return (int)product;
    }
}
