using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// An n-blocking bug: past the first block of 768 columns, each output reads the weights of the column one place to
/// its left, as if a block's panel offset were off by one. Right for every n up to 768.
/// </summary>
public sealed class ShiftedColumnBlockKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int BlockN = 768;

    public override string Name => "Mutant.ShiftedColumnBlock";

    protected override T Weight(ReadOnlySpan<T> w, int p, int j, int k, int n, WeightLayout layout) =>
        base.Weight(w, p, j >= BlockN ? j - 1 : j, k, n, layout);
}
