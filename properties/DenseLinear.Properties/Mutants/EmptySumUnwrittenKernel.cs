using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>Returns early when k = 0 ("nothing to do"), leaving y as it was instead of zeroing it.</summary>
public sealed class EmptySumUnwrittenKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.EmptySumUnwritten";

    public override void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        if (k > 0)
        {
            base.Multiply(x, w, y, m, k, n, layout);
        }
    }
}
