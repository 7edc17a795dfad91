using System.Numerics;

namespace DenseLinear;

/// <summary>
/// A weight matrix rearranged once by <see cref="IWeightPackingKernel{T}.Pack"/>: column panels of
/// <see cref="PanelWidth"/> outputs, each panel stored k-major (<c>panel[p, lane] = W(p, panelStart + lane)</c>)
/// and zero-padded to a whole panel. Immutable.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class PackedWeights<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    internal PackedWeights(T[] panels, int k, int n, int panelWidth, WeightLayout sourceLayout)
    {
        Panels = panels;
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

    /// <summary>⌈n / PanelWidth⌉ panels of k × PanelWidth elements each.</summary>
    internal T[] Panels { get; }

    /// <summary>The checks <see cref="IWeightPackingKernel{T}.Multiply(ReadOnlySpan{T}, PackedWeights{T}, Span{T}, int)"/>
    /// performs before it touches memory, with <see cref="MatMulArguments.Validate{T}"/>'s messages.</summary>
    internal static void ValidateMultiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m, int panelWidth)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        int k = w.K;
        int n = w.N;
        string shapes = MatMulArguments.Describe(m, k, n, w.SourceLayout) + " (packed)";
        if (w.PanelWidth != panelWidth)
        {
            throw new ArgumentException($"The weights were packed in panels of {w.PanelWidth}, this kernel reads panels of {panelWidth}, in {shapes}.", nameof(w));
        }

        long xLength = (long)m * k;
        long yLength = (long)m * n;
        if (xLength > int.MaxValue || yLength > int.MaxValue)
        {
            throw new ArgumentException($"x [{m}×{k}] or y [{m}×{n}] would need more elements than a span holds, in {shapes}.", nameof(m));
        }

        if (x.Length != xLength)
        {
            throw new ArgumentException($"x has {x.Length} elements but {shapes} needs x [{m}×{k}] = {xLength}.", nameof(x));
        }

        if (y.Length < yLength)
        {
            throw new ArgumentException($"y has {y.Length} elements but {shapes} needs y [{m}×{n}] = {yLength}.", nameof(y));
        }

        if (y[..(int)yLength].Overlaps(x))
        {
            throw new ArgumentException($"y overlaps x in {shapes}; the kernel writes y without reading it.", nameof(y));
        }
    }

    /// <summary>Checks <see cref="IWeightPackingKernel{T}.Pack"/>'s arguments and returns the packed length.</summary>
    internal static int ValidatePack(ReadOnlySpan<T> w, int k, int n, WeightLayout layout, int panelWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (layout is not (WeightLayout.InOut or WeightLayout.OutIn))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Undefined weight layout.");
        }

        string shape = layout == WeightLayout.OutIn ? $"W [{n}×{k}] (OutIn)" : $"K [{k}×{n}] (InOut)";
        long length = (long)k * n;
        if (length > int.MaxValue)
        {
            throw new ArgumentException($"{shape} would need {length} elements, more than a span holds.", nameof(w));
        }

        if (w.Length != length)
        {
            throw new ArgumentException($"w has {w.Length} elements but {shape} needs {length}.", nameof(w));
        }

        long packed = (long)k * ((n + panelWidth - 1) / panelWidth) * panelWidth;
        if (packed > Array.MaxLength)
        {
            throw new ArgumentException($"{shape} padded to panels of {panelWidth} would need {packed} elements, more than an array holds.", nameof(w));
        }

        return (int)packed;
    }
}
