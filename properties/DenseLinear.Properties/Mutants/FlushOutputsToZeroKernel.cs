using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>Flushes subnormal results to zero (FTZ on the stores only; products and sums keep gradual underflow).</summary>
public sealed class FlushOutputsToZeroKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.FlushOutputsToZero";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        T sum = base.Dot(row, w, j, k, n, layout, m);
        return T.IsSubnormal(sum) ? T.CopySign(T.Zero, sum) : sum;
    }
}
