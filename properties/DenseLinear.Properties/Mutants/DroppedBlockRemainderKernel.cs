using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// A cache-blocking bug: k is walked in blocks of 256 and the partial last block is dropped once k exceeds one
/// block. Small shapes are all right; only shapes across a block boundary show it.
/// </summary>
public sealed class DroppedBlockRemainderKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int BlockK = 256;

    public override string Name => "Mutant.DroppedBlockRemainder";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        int terms = k > BlockK ? k - (k % BlockK) : k;
        T sum = T.Zero;
        for (int p = 0; p < terms; p++)
        {
            sum += row[p] * Weight(w, p, j, k, n, layout);
        }

        return sum;
    }
}
