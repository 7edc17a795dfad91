using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// A k-blocking bug: past the first block of 1024 values of p, each block starts its sums from zero instead of
/// continuing them, so only the last block counts. Right for every k up to 1024.
/// </summary>
public sealed class RestartedChainKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int BlockK = 1024;

    public override string Name => "Mutant.RestartedChain";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        T sum = T.Zero;
        for (int p = 0; p < k; p++)
        {
            if (p > 0 && p % BlockK == 0)
            {
                sum = T.Zero;
            }

            sum += row[p] * Weight(w, p, j, k, n, layout);
        }

        return sum;
    }
}
