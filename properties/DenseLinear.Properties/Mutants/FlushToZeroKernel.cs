using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>Flushes subnormal products to zero (FTZ), losing up to the smallest normal per term in the underflow range.</summary>
public sealed class FlushToZeroKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.FlushToZero";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        T sum = T.Zero;
        for (int p = 0; p < k; p++)
        {
            T product = row[p] * Weight(w, p, j, k, n, layout);
            sum += T.IsSubnormal(product) ? T.Zero : product;
        }

        return T.IsSubnormal(sum) ? T.Zero : sum;
    }
}
