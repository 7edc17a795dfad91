using System.Runtime.InteropServices;

namespace DenseLinear.Kernels;

/// <summary>
/// 16-bit weights packed once by <see cref="PackedMixedPrecisionKernel{TWeight}.Pack"/>, kept in 16 bits: ⌈n / 32⌉
/// panels of k rows of 32 weights (zero past column n), the layout of <see cref="PackedWeights{T}"/> for float at
/// half the bytes. Immutable; one instance serves any number of calls and threads.
/// </summary>
/// <typeparam name="TWeight"><see cref="BFloat16"/> or <see cref="Half"/>.</typeparam>
public sealed class PackedSixteenBitWeights<TWeight>
    where TWeight : unmanaged
{
    internal PackedSixteenBitWeights(ushort[] panels, int k, int n, WeightLayout sourceLayout)
    {
        PanelBits = panels;
        K = k;
        N = n;
        SourceLayout = sourceLayout;
    }

    /// <summary>Inputs per output: the k of x [m×k].</summary>
    public int K { get; }

    /// <summary>Outputs: the n of y [m×n].</summary>
    public int N { get; }

    /// <summary>The layout the weights were packed from.</summary>
    public WeightLayout SourceLayout { get; }

    /// <summary>Columns per panel.</summary>
    public int PanelWidth => MixedPrecisionGemm.NR;

    /// <summary>The packed weights, as stored.</summary>
    public ReadOnlySpan<TWeight> Panels => MemoryMarshal.Cast<ushort, TWeight>(PanelBits);

    internal ushort[] PanelBits { get; }

    /// <summary>
    /// The checks of a packed call before it touches memory, with <see cref="MatMulArguments"/>' messages: w not
    /// null, m not negative, x exactly m·k elements, y at least m·n, no product past a span, y not overlapping x.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="w"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m"/> is negative.</exception>
    /// <exception cref="ArgumentException">Any other check; the message names the shapes.</exception>
    public static void ValidateMultiply(ReadOnlySpan<float> x, PackedSixteenBitWeights<TWeight> w, Span<float> y, int m)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        long xLength = (long)m * w.K;
        long yLength = (long)m * w.N;
        if (!ArrayLength.FitsSpan(xLength) || !ArrayLength.FitsSpan(yLength))
        {
            throw new ArgumentException($"x [{m}×{w.K}] or y [{m}×{w.N}] would need more elements than a span holds, in {Shapes(m, w)}.", nameof(m));
        }

        if (x.Length != xLength)
        {
            throw new ArgumentException($"x has {x.Length} elements but {Shapes(m, w)} needs x [{m}×{w.K}] = {xLength}.", nameof(x));
        }

        if (y.Length < yLength)
        {
            throw new ArgumentException($"y has {y.Length} elements but {Shapes(m, w)} needs y [{m}×{w.N}] = {yLength}.", nameof(y));
        }

        if (y[..(int)yLength].Overlaps(x))
        {
            throw new ArgumentException($"y overlaps x in {Shapes(m, w)}; the kernel writes y without reading it.", nameof(y));
        }
    }

    /// <summary>The product for messages, described only on the way to a throw.</summary>
    private static string Shapes(int m, PackedSixteenBitWeights<TWeight> w) =>
        MatMulArguments.Describe(m, w.K, w.N, w.SourceLayout) + $" (packed {typeof(TWeight).Name})";
}
