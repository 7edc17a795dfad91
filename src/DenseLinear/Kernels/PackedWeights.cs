using System.Buffers;
using System.Numerics;

namespace DenseLinear.Kernels;

/// <summary>
/// A weight matrix rearranged once by <see cref="IWeightPackingKernel{T}.Pack"/>: ⌈n / <see cref="PanelWidth"/>⌉
/// panels of k × PanelWidth values. The built-in kernels store each panel k-major
/// (<c>panel[p, lane] = W(p, panelStart + lane)</c>), zero-padded to a whole panel; a kernel of your own made with
/// <see cref="Create{TState}"/> decides what its panels hold. Immutable.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class PackedWeights<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    internal PackedWeights(T[] panels, int k, int n, int panelWidth, WeightLayout sourceLayout)
    {
        PanelArray = panels;
        K = k;
        N = n;
        PanelWidth = panelWidth;
        SourceLayout = sourceLayout;
    }

    /// <summary>The inner dimension k (input features).</summary>
    public int K { get; }

    /// <summary>The output dimension n (output features).</summary>
    public int N { get; }

    /// <summary>The number of outputs per panel.</summary>
    public int PanelWidth { get; }

    /// <summary>The layout the weights were packed from; the product does not depend on it.</summary>
    public WeightLayout SourceLayout { get; }

    /// <summary>The packed values, read-only: ⌈n / PanelWidth⌉ panels of k × PanelWidth elements, one after another.</summary>
    public ReadOnlySpan<T> Panels => PanelArray;

    /// <summary>The same values as an array, for the kernels that hand them to worker threads.</summary>
    internal T[] PanelArray { get; }

    /// <summary>
    /// Packed weights in a format of your own, for an <see cref="IWeightPackingKernel{T}"/> that is not built in:
    /// allocates ⌈n / panelWidth⌉ · panelWidth · k zeroed elements and lets <paramref name="fill"/> write them. The
    /// array never leaves this object, so the result is as immutable as the built-in kernels' packed weights.
    /// </summary>
    /// <param name="k">The inner dimension (input features).</param>
    /// <param name="n">The output dimension (output features).</param>
    /// <param name="panelWidth">Outputs per panel, at least 1; your kernel's packed calls check it with
    /// <see cref="ValidateMultiply"/>. A panel width of 1 holds W as [n×k] (OutIn) with no padding.</param>
    /// <param name="sourceLayout">The layout the weights were packed from.</param>
    /// <param name="state">Passed to <paramref name="fill"/>; it may be a span, typically the source weights.</param>
    /// <param name="fill">Writes the packed values into the span it is given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fill"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k or n is negative, <paramref name="panelWidth"/> is below 1, or
    /// the layout is undefined.</exception>
    /// <exception cref="ArgumentException">The panels would need more elements than an array holds.</exception>
    public static PackedWeights<T> Create<TState>(int k, int n, int panelWidth, WeightLayout sourceLayout, TState state, SpanAction<T, TState> fill)
        where TState : allows ref struct
    {
        ArgumentNullException.ThrowIfNull(fill);
        int length = PackedLength(k, n, panelWidth, sourceLayout, nameof(n));
        var panels = new T[length];
        fill(panels, state);
        return new PackedWeights<T>(panels, k, n, panelWidth, sourceLayout);
    }

    /// <summary>
    /// The checks an <see cref="IWeightPackingKernel{T}.Multiply(ReadOnlySpan{T}, PackedWeights{T}, Span{T}, int)"/>
    /// makes before it touches memory, with <see cref="MatMulArguments.Validate{T}"/>'s messages: w is not null
    /// and was packed in panels of <paramref name="panelWidth"/>, m is not negative, x holds exactly m·k elements and
    /// y at least m·n, neither product overflows <see cref="int"/>, and y does not overlap x. Nothing is written.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="w"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m"/> is negative.</exception>
    /// <exception cref="ArgumentException">Any other check; the message names the shapes.</exception>
    public static void ValidateMultiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m, int panelWidth)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        int k = w.K;
        int n = w.N;
        if (w.PanelWidth != panelWidth)
        {
            throw new ArgumentException($"The weights were packed in panels of {w.PanelWidth}, this kernel reads panels of {panelWidth}, in {Shapes(m, w)}.", nameof(w));
        }

        long xLength = (long)m * k;
        long yLength = (long)m * n;
        if (!ArrayLength.FitsSpan(xLength) || !ArrayLength.FitsSpan(yLength))
        {
            throw new ArgumentException($"x [{m}×{k}] or y [{m}×{n}] would need more elements than a span holds, in {Shapes(m, w)}.", nameof(m));
        }

        if (x.Length != xLength)
        {
            throw new ArgumentException($"x has {x.Length} elements but {Shapes(m, w)} needs x [{m}×{k}] = {xLength}.", nameof(x));
        }

        if (y.Length < yLength)
        {
            throw new ArgumentException($"y has {y.Length} elements but {Shapes(m, w)} needs y [{m}×{n}] = {yLength}.", nameof(y));
        }

        if (y[..(int)yLength].Overlaps(x))
        {
            throw new ArgumentException($"y overlaps x in {Shapes(m, w)}; the kernel writes y without reading it.", nameof(y));
        }
    }

    /// <summary>The product for messages, described only on the way to a throw.</summary>
    private static string Shapes(int m, PackedWeights<T> w) => MatMulArguments.Describe(m, w.K, w.N, w.SourceLayout) + " (packed)";

    /// <summary>
    /// The checks an <see cref="IWeightPackingKernel{T}.Pack"/> makes before it reads <paramref name="w"/>: k and n
    /// not negative, a defined layout, w holding exactly k·n elements, and the panels fitting an array.
    /// </summary>
    /// <returns>The packed length, ⌈n / panelWidth⌉ · panelWidth · k, the size <see cref="Create{TState}"/> allocates.</returns>
    /// <exception cref="ArgumentOutOfRangeException">k or n is negative, <paramref name="panelWidth"/> is below 1, or
    /// the layout is undefined.</exception>
    /// <exception cref="ArgumentException">A length mismatch or a size past an array's; the message names the shape.</exception>
    public static int ValidatePack(ReadOnlySpan<T> w, int k, int n, WeightLayout layout, int panelWidth)
    {
        int packed = PackedLength(k, n, panelWidth, layout, nameof(w));
        long length = (long)k * n;
        if (w.Length != length)
        {
            throw new ArgumentException($"w has {w.Length} elements but {WeightShape(k, n, layout)} needs {length}.", nameof(w));
        }

        return packed;
    }

    // sizeParameter: the argument a size past a span or an array is blamed on (w when there is one).
    private static int PackedLength(int k, int n, int panelWidth, WeightLayout layout, string sizeParameter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(panelWidth, 1);
        MatMulArguments.ThrowIfUndefined(layout);

        string shape = WeightShape(k, n, layout);
        long length = (long)k * n;
        if (!ArrayLength.FitsSpan(length))
        {
            throw new ArgumentException($"{shape} would need {length} elements, more than a span holds.", sizeParameter);
        }

        long packed = (long)k * (((long)n + panelWidth - 1) / panelWidth) * panelWidth;
        if (!ArrayLength.FitsArray(packed))
        {
            throw new ArgumentException($"{shape} padded to panels of {panelWidth} would need {packed} elements, more than an array holds.", sizeParameter);
        }

        return (int)packed;
    }

    private static string WeightShape(int k, int n, WeightLayout layout) =>
        layout == WeightLayout.OutIn ? $"W [{n}×{k}] (OutIn)" : $"K [{k}×{n}] (InOut)";
}
