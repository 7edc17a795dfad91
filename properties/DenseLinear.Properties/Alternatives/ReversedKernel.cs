using System.Numerics;

namespace DenseLinear.Properties.Alternatives;

/// <summary>
/// A correct kernel that sums k from the last index down to the first. It must pass every property: it proves
/// the tolerances allow any summation order and are not tuned to the naive loop.
/// </summary>
public sealed class ReversedKernel<T> : IMatMulKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public string Name => "Reversed";

    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = T.Zero;
                for (int p = k - 1; p >= 0; p--)
                {
                    sum += x[(i * k) + p] * (layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p]);
                }

                y[(i * n) + j] = sum;
            }
        }
    }
}
