using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>Accumulates in Half (11-bit significand): every sum rounds far beyond γₖ of the working precision.</summary>
public sealed class HalfAccumulatorKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.HalfAccumulator";

    protected override T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        Half sum = Half.Zero;
        for (int p = 0; p < k; p++)
        {
            sum += Half.CreateTruncating(row[p] * Weight(w, p, j, k, n, layout));
        }

        return T.CreateTruncating(sum);
    }
}
