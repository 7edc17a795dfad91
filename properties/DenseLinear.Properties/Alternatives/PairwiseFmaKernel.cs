using System.Numerics;

namespace DenseLinear.Properties.Alternatives;

/// <summary>
/// A correct kernel with a very different order: pairwise (recursive halving) summation of the products, the
/// leaves fused (FMA). Its error is far below the sequential bound, so it passes any tolerance that is rigorous,
/// and fails any that is tuned to the naive loop's exact rounding.
/// </summary>
public sealed class PairwiseFmaKernel<T> : IMatMulKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public string Name => "PairwiseFma";

    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        var column = new T[k];
        for (int j = 0; j < n; j++)
        {
            for (int p = 0; p < k; p++)
            {
                column[p] = layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p];
            }

            for (int i = 0; i < m; i++)
            {
                y[(i * n) + j] = Sum(x.Slice(i * k, k), column);
            }
        }
    }

    private static T Sum(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
    {
        if (a.Length <= 2)
        {
            T sum = T.Zero;
            for (int p = 0; p < a.Length; p++)
            {
                sum = T.FusedMultiplyAdd(a[p], b[p], sum);
            }

            return sum;
        }

        int half = a.Length / 2;
        return Sum(a[..half], b[..half]) + Sum(a[half..], b[half..]);
    }
}
