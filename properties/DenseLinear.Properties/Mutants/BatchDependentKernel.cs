using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// A correct-within-bound kernel that sums in another order when m > 1 (as a batched path might): every value is
/// accurate, but a row's result depends on the batch it came in.
/// </summary>
public sealed class BatchDependentKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.BatchDependent";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        if (m == 1)
        {
            return base.Dot(row, w, j, k, n, layout, m);
        }

        T sum = T.Zero;
        for (int p = k - 1; p >= 0; p--)
        {
            sum += row[p] * Weight(w, p, j, k, n, layout);
        }

        return sum;
    }
}
