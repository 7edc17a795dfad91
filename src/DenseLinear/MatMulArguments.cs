using System.Numerics;
using System.Runtime.InteropServices;

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
        int yLength = CheckShapes(x.Length, w.Length, y.Length, m, k, n, layout);
        Span<T> written = y[..yLength];
        if (written.Overlaps(x) || written.Overlaps(w))
        {
            throw Overlap(m, k, n, layout);
        }
    }

    /// <summary>
    /// The checks of <see cref="Validate{T}"/> for a mixed-precision product (<see cref="IMixedPrecisionKernel{TWeight}"/>):
    /// float x and y, 16-bit weights. Also throws <see cref="NotSupportedException"/> unless the weights are
    /// <see cref="BFloat16"/> or <see cref="Half"/>. Nothing is written.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative dimension or an undefined layout.</exception>
    /// <exception cref="ArgumentException">A length mismatch, an overflowing product, or overlapping spans;
    /// the message names the shapes.</exception>
    /// <exception cref="NotSupportedException">The weight type is not a 16-bit float this library widens.</exception>
    public static void ValidateMixedPrecision<TWeight>(ReadOnlySpan<float> x, ReadOnlySpan<TWeight> w, Span<float> y, int m, int k, int n, WeightLayout layout)
        where TWeight : unmanaged
    {
        WeightWidening.ThrowIfUnsupported<TWeight>();
        int yLength = CheckShapes(x.Length, w.Length, y.Length, m, k, n, layout);
        ReadOnlySpan<byte> written = MemoryMarshal.AsBytes(y[..yLength]);
        if (written.Overlaps(MemoryMarshal.AsBytes(x)) || written.Overlaps(MemoryMarshal.AsBytes(w)))
        {
            throw Overlap(m, k, n, layout);
        }
    }

    // The dimension and length checks both products share; returns m·n, the part of y a kernel writes.
    private static int CheckShapes(int xCount, int wCount, int yCount, int m, int k, int n, WeightLayout layout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ThrowIfUndefined(layout);

        // The shapes are described only on the way to a throw: a valid call, however small, formats no string.
        int xLength = Product(m, k, "x", m, k, n, layout);
        int wLength = Product(k, n, "w", m, k, n, layout);
        int yLength = Product(m, n, "y", m, k, n, layout);
        if (xCount != xLength)
        {
            throw new ArgumentException($"x has {xCount} elements but {Describe(m, k, n, layout)} needs x [{m}×{k}] = {xLength}.", "x");
        }

        if (wCount != wLength)
        {
            throw new ArgumentException($"w has {wCount} elements but {Describe(m, k, n, layout)} needs w {WeightShape(k, n, layout)} = {wLength}.", "w");
        }

        if (yCount < yLength)
        {
            throw new ArgumentException($"y has {yCount} elements but {Describe(m, k, n, layout)} needs y [{m}×{n}] = {yLength}.", "y");
        }

        return yLength;
    }

    private static ArgumentException Overlap(int m, int k, int n, WeightLayout layout) =>
        new($"y overlaps an input in {Describe(m, k, n, layout)}; the kernel writes y without reading it.", "y");

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
