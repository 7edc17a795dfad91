using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// The naive loop with one seam per kind of bug: each mutant overrides exactly the step it breaks, so what it
/// breaks is plain to see.
/// </summary>
public abstract class MutantKernel<T> : IMatMulKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public abstract string Name { get; }

    public virtual void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                y[(i * n) + j] = Dot(x.Slice(i * k, k), w, j, k, n, layout, m);
            }
        }
    }

    protected virtual T Weight(ReadOnlySpan<T> w, int p, int j, int k, int n, WeightLayout layout) =>
        layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p];

    protected virtual T Dot(ReadOnlySpan<T> row, ReadOnlySpan<T> w, int j, int k, int n, WeightLayout layout, int m)
    {
        T sum = T.Zero;
        for (int p = 0; p < k; p++)
        {
            sum += row[p] * Weight(w, p, j, k, n, layout);
        }

        return sum;
    }
}
