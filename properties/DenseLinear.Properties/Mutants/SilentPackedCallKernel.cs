using System.Numerics;
using DenseLinear.Kernels;

namespace DenseLinear.Properties.Mutants;

/// <summary>The packed call returns quietly on mismatched lengths ("nothing to do") instead of throwing.</summary>
public sealed class SilentPackedCallKernel<T> : IWeightPackingKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public string Name => "Mutant.SilentPackedCall";

    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout) =>
        PackedKernel<T>.Instance.Multiply(x, w, y, m, k, n, layout);

    public PackedWeights<T> Pack(ReadOnlySpan<T> w, int k, int n, WeightLayout layout) => PackedKernel<T>.Instance.Pack(w, k, n, layout);

    public void Multiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m)
    {
        if (m < 0 || x.Length != (long)m * w.K || y.Length < (long)m * w.N)
        {
            return;
        }

        PackedKernel<T>.Instance.Multiply(x, w, y, m);
    }
}
