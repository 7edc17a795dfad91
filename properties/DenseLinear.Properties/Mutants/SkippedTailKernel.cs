using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>A vector loop that forgot its remainder: the last term is dropped when k mod 4 = 3.</summary>
public sealed class SkippedTailKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.SkippedTail";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        int terms = k % 4 == 3 ? k - 1 : k;
        T sum = T.Zero;
        for (int p = 0; p < terms; p++)
        {
            sum += row[p] * Weight(w, p, j, k, n, layout);
        }

        return sum;
    }
}
