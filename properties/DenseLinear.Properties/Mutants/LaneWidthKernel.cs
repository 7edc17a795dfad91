using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// Sums each output in <paramref name="lanes"/> interleaved partial sums, then adds them up, as a vector dot product
/// of that width does: correct within the bound, but its bits change with the vector width, so it must not promise
/// the same bits on every instruction set.
/// </summary>
public sealed class LaneWidthKernel<T>(int lanes) : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.LaneWidth";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        var partial = new T[lanes];
        for (int p = 0; p < k; p++)
        {
            partial[p % lanes] += row[p] * Weight(w, p, j, k, n, layout);
        }

        T sum = T.Zero;
        foreach (T value in partial)
        {
            sum += value;
        }

        return sum;
    }
}
