using System.Numerics;
using DenseLinear.IO;

namespace DenseLinear.Porting;

/// <summary>A stored layer's weight and bias in <typeparamref name="T"/>, converted once for both the computed and the exact product.</summary>
/// <param name="Weight">The weight's values, in <paramref name="Layout"/>.</param>
/// <param name="Bias">The bias's values; empty for no bias.</param>
/// <param name="Layout">The weight's layout.</param>
internal sealed record LayerValues<T>(T[] Weight, T[] Bias, WeightLayout Layout)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static LayerValues<T> Of(StoredLayer layer) =>
        new(ForwardPass.Values<T>(layer.Weight), layer.Bias is null ? [] : ForwardPass.Values<T>(layer.Bias), layer.Layout);
}
