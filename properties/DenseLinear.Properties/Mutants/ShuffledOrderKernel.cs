using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// Sums in a fresh random order on every call, like a parallel reduction that combines partial sums as threads
/// finish: accurate within bound, yet two calls on the same input differ.
/// </summary>
public sealed class ShuffledOrderKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.ShuffledOrder";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        int[] order = [.. Enumerable.Range(0, k)];
        Random.Shared.Shuffle(order);
        T sum = T.Zero;
        foreach (int p in order)
        {
            sum += row[p] * Weight(w, p, j, k, n, layout);
        }

        return sum;
    }
}
