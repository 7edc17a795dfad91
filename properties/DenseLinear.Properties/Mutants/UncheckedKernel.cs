using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>Skips argument validation: bad shapes end in IndexOutOfRangeException, a partial write, or a silent answer.</summary>
public sealed class UncheckedKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "Mutant.Unchecked";

    public override void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                y[(i * n) + j] = Dot(x.Slice(i * k, k), w, j, k, n, layout, m);
            }
        }
    }
}
