using System.Numerics;
using DenseLinear.Kernels;

namespace DenseLinear.Properties.Layers;

/// <summary><see cref="PackedKernel{T}"/> with its calls counted: packings, packed products and unpacked products.</summary>
internal sealed class CountingPackingKernel<T> : IWeightPackingKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public string Name => "Counting(" + PackedKernel<T>.Instance.Name + ")";

    public int Packs { get; private set; }

    public int PackedProducts { get; private set; }

    public int UnpackedProducts { get; private set; }

    public (int K, int N, WeightLayout Layout) LastPack { get; private set; }

    public PackedWeights<T> Pack(ReadOnlySpan<T> w, int k, int n, WeightLayout layout)
    {
        Packs++;
        LastPack = (k, n, layout);
        return PackedKernel<T>.Instance.Pack(w, k, n, layout);
    }

    public void Multiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m)
    {
        PackedProducts++;
        PackedKernel<T>.Instance.Multiply(x, w, y, m);
    }

    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        UnpackedProducts++;
        PackedKernel<T>.Instance.Multiply(x, w, y, m, k, n, layout);
    }
}
