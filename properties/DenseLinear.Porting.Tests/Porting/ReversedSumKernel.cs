namespace DenseLinear.Porting.Tests.Porting;

/// <summary>A correct kernel that sums k from the last term down: other roundings than the naive kernel's, the same function.</summary>
internal sealed class ReversedSumKernel : IMatMulKernel<float>
{
    public string Name => "ReversedSum";

    public void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = k - 1; p >= 0; p--)
                {
                    sum += x[(i * k) + p] * (layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p]);
                }

                y[(i * n) + j] = sum;
            }
        }
    }
}
