namespace DenseLinear.Properties.MixedPrecision;

/// <summary>
/// A correct mixed-precision kernel of another summation order: k from the last term down, one fused multiply-add per
/// term. It must pass every property, which shows the tolerances hold for any order.
/// </summary>
public sealed class ReversedMixedPrecisionKernel<TWeight> : IMixedPrecisionKernel<TWeight>
    where TWeight : unmanaged
{
    public string Name => "ReversedFma";

    public void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<TWeight> w, Span<float> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.ValidateMixedPrecision(x, w, y, m, k, n, layout);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = k - 1; p >= 0; p--)
                {
                    float weight = WeightWidening.ToSingle(layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p]);
                    sum = MathF.FusedMultiplyAdd(x[(i * k) + p], weight, sum);
                }

                y[(i * n) + j] = sum;
            }
        }
    }
}
