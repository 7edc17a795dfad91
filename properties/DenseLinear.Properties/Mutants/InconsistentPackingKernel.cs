using System.Numerics;
using DenseLinear.Kernels;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// A packing kernel whose two paths disagree: the plain call sums with separate multiply and add (the naive loop),
/// the packed one with FMA. Each is accurate, but a layer that packs its weights gives other bits than a direct call.
/// </summary>
public sealed class InconsistentPackingKernel<T> : IWeightPackingKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public string Name => "Mutant.InconsistentPacking";

    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout) =>
        NaiveKernel<T>.Instance.Multiply(x, w, y, m, k, n, layout);

    public PackedWeights<T> Pack(ReadOnlySpan<T> w, int k, int n, WeightLayout layout) => PackedKernel<T>.Instance.Pack(w, k, n, layout);

    public void Multiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m) => PackedKernel<T>.Instance.Multiply(x, w, y, m);
}
