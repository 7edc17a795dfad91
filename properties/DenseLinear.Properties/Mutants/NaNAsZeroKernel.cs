using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>Treats a NaN term as zero ("sanitizing" input), hiding the NaN the caller must see.</summary>
public sealed class NaNAsZeroKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.NaNAsZero";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        T sum = T.Zero;
        for (int p = 0; p < k; p++)
        {
            T product = row[p] * Weight(w, p, j, k, n, layout);
            sum += T.IsNaN(product) ? T.Zero : product;
        }

        return sum;
    }
}
