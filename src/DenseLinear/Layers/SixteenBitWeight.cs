using System.Numerics;
using DenseLinear.IO;
using DenseLinear.Kernels;

namespace DenseLinear.Layers;

/// <summary>
/// A layer's weight kept in 16 bits as the file stored it: packed once for the mixed-precision kernel, which the
/// forward pass runs (float x, exact widening, float accumulation), and widened in full only if the float weight is
/// asked for (the <c>Weight</c>/<c>Kernel</c> view, the backward pass, conversion).
/// </summary>
internal sealed class SixteenBitWeight
{
    private readonly PackedSixteenBitWeights<BFloat16>? bfloat16Panels;
    private readonly PackedSixteenBitWeights<Half>? halfPanels;
    private readonly StoredTensor stored;

    /// <summary>Packs <paramref name="stored"/>, a bfloat16 or float16 matrix in <paramref name="layout"/> ([k×n] InOut, [n×k] OutIn).</summary>
    public SixteenBitWeight(StoredTensor stored, int k, int n, WeightLayout layout)
    {
        this.stored = stored;
        DType = stored.DType;
        if (DType == TensorDType.BFloat16)
        {
            bfloat16Panels = PackedMixedPrecisionKernel<BFloat16>.Instance.Pack(stored.GetBFloat16Values(), k, n, layout);
        }
        else
        {
            halfPanels = PackedMixedPrecisionKernel<Half>.Instance.Pack(stored.GetValues<Half>(), k, n, layout);
        }
    }

    /// <summary><see cref="TensorDType.BFloat16"/> or <see cref="TensorDType.Float16"/>.</summary>
    public TensorDType DType { get; }

    /// <summary>y [rows×n] = x [rows×k] · widen(W), on the packed 16-bit weights.</summary>
    public void Multiply(ReadOnlySpan<float> x, Span<float> y, int rows)
    {
        if (bfloat16Panels is not null)
        {
            PackedMixedPrecisionKernel<BFloat16>.Instance.Multiply(x, bfloat16Panels, y, rows);
        }
        else
        {
            PackedMixedPrecisionKernel<Half>.Instance.Multiply(x, halfPanels!, y, rows);
        }
    }

    /// <summary>The weight widened exactly, in the layout it was stored in, in a new array.</summary>
    public T[] Widen<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[stored.ElementCount];
        stored.ToTensor<T>().FlattenTo(values);
        return values;
    }
}
