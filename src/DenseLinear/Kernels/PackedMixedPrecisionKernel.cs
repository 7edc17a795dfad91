using System.Buffers;
using System.Runtime.InteropServices;

namespace DenseLinear.Kernels;

/// <summary>
/// The mixed-precision kernel: float x, 16-bit weights packed in 16-bit panels, widened exactly in the inner loops,
/// float accumulation on the float micro-kernels and the blocking of <see cref="GemmBlocking{T}"/>.
/// </summary>
/// <remarks>
/// <para>Formula: <c>y[i, j] = fma(x[i, k-1], float(W(k-1, j)), … fma(x[i, 0], float(W(0, j)), 0))</c>, one fused
/// multiply-add per term in increasing p: bit for bit what <see cref="PackedKernel{T}"/> on float gives for the
/// widened weights, whatever the blocking and instruction set.</para>
/// <para>Shapes as <see cref="IMixedPrecisionKernel{TWeight}"/>: x [m×k], W [k×n] (InOut) or [n×k] (OutIn), y [m×n];
/// y is overwritten, never read, and nothing past m·n is touched; k = 0 gives zeros.</para>
/// <para>Memory: an unpacked call packs all of W into 16-bit panels rented from <see cref="ArrayPool{T}.Shared"/>;
/// with <see cref="Pack"/> the weights are packed once, and a call then reads them in 16 bits.</para>
/// </remarks>
/// <typeparam name="TWeight"><see cref="BFloat16"/> or <see cref="Half"/>.</typeparam>
public sealed class PackedMixedPrecisionKernel<TWeight> : IMixedPrecisionKernel<TWeight>
    where TWeight : unmanaged
{
    private static readonly Lazy<PackedMixedPrecisionKernel<TWeight>> LazyInstance = new(() => new(GemmBlocking<float>.Machine));

    /// <summary>A kernel on <paramref name="blocking"/>; every blocking gives the same bits.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TWeight"/> is neither BFloat16 nor Half.</exception>
    public PackedMixedPrecisionKernel(GemmBlocking<float> blocking)
    {
        ArgumentNullException.ThrowIfNull(blocking);
        WeightWidening.ThrowIfUnsupported<TWeight>();
        Blocking = blocking;
    }

    /// <summary>The shared instance, on the machine's blocking (<see cref="GemmBlocking{T}.Machine"/>).</summary>
    public static PackedMixedPrecisionKernel<TWeight> Instance => LazyInstance.Value;

    /// <summary>The block sizes this kernel runs with.</summary>
    public GemmBlocking<float> Blocking { get; }

    /// <inheritdoc />
    public string Name => "Packed";

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<TWeight> w, Span<float> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.ValidateMixedPrecision(x, w, y, m, k, n, layout);
        int length = PackedLength(k, n, layout);
        ushort[] panels = ArrayPool<ushort>.Shared.Rent(length);
        try
        {
            MixedPrecisionGemm.PackWeights(MemoryMarshal.Cast<TWeight, ushort>(w), k, n, layout, panels.AsSpan(0, length));
            Multiply(x, panels.AsSpan(0, length), y, m, k, n);
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(panels);
        }
    }

    /// <summary>Packs W (InOut [k×n] or OutIn [n×k]) once, in 16 bits, for <see cref="Multiply(ReadOnlySpan{float}, PackedSixteenBitWeights{TWeight}, Span{float}, int)"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k or n is negative, or the layout is undefined.</exception>
    /// <exception cref="ArgumentException">w does not hold k·n weights, or the panels would not fit an array.</exception>
    public PackedSixteenBitWeights<TWeight> Pack(ReadOnlySpan<TWeight> w, int k, int n, WeightLayout layout)
    {
        int length = PackedLength(k, n, layout);
        if (w.Length != (long)k * n)
        {
            throw new ArgumentException($"w has {w.Length} elements but {MatMulArguments.Describe(0, k, n, layout)} needs {(long)k * n}.", nameof(w));
        }

        var panels = new ushort[length];
        MixedPrecisionGemm.PackWeights(MemoryMarshal.Cast<TWeight, ushort>(w), k, n, layout, panels);
        return new PackedSixteenBitWeights<TWeight>(panels, k, n, layout);
    }

    /// <summary>y [m×n] = x [m×k] · widen(W) with weights packed by <see cref="Pack"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="w"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m"/> is negative.</exception>
    /// <exception cref="ArgumentException">A length does not match the shapes, or y overlaps x.</exception>
    public void Multiply(ReadOnlySpan<float> x, PackedSixteenBitWeights<TWeight> w, Span<float> y, int m)
    {
        PackedSixteenBitWeights<TWeight>.ValidateMultiply(x, w, y, m);
        Multiply(x, w.PanelBits, y, m, w.K, w.N);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    // The loops instantiated for the weights' format, chosen once per call.
    private void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<ushort> panels, Span<float> y, int m, int k, int n)
    {
        if (typeof(TWeight) == typeof(BFloat16))
        {
            MixedPrecisionGemm.Multiply<BFloat16Format>(Blocking, x, panels, y, m, k, n);
        }
        else
        {
            MixedPrecisionGemm.Multiply<Binary16Format>(Blocking, x, panels, y, m, k, n);
        }
    }

    private static int PackedLength(int k, int n, WeightLayout layout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        MatMulArguments.ThrowIfUndefined(layout);
        long length = (long)k * MixedPrecisionGemm.PanelCount(n) * MixedPrecisionGemm.NR;
        return ArrayLength.FitsArray(length)
            ? (int)length
            : throw new ArgumentException($"{MatMulArguments.Describe(0, k, n, layout)} padded to panels of {MixedPrecisionGemm.NR} would need {length} elements, more than an array holds.", "w");
    }
}
