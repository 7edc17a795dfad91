namespace DenseLinear.Properties.MixedPrecision;

/// <summary>The naive mixed-precision loop with one <see cref="MixedPrecisionDefect"/>.</summary>
public sealed class MixedPrecisionMutantKernel<TWeight>(MixedPrecisionDefect defect) : IMixedPrecisionKernel<TWeight>
    where TWeight : unmanaged
{
    public string Name => defect.ToString();

    public void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<TWeight> w, Span<float> y, int m, int k, int n, WeightLayout layout)
    {
        if (defect != MixedPrecisionDefect.SkipsTheArgumentChecks)
        {
            MatMulArguments.ValidateMixedPrecision(x, w, y, m, k, n, layout);
        }

        if (defect == MixedPrecisionDefect.LeavesYUnwrittenWhenKIsZero && k == 0)
        {
            return;
        }

        bool oddCall = (Interlocked.Increment(ref calls) & 1) == 1;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (defect == MixedPrecisionDefect.OrderFollowsTheValues)
                {
                    y[(i * n) + j] = SortedSum(x.Slice(i * k, k), w, j, k, n, layout);
                    continue;
                }

                bool reversed = (defect == MixedPrecisionDefect.DependsOnTheBatch && m > 1)
                    || (defect == MixedPrecisionDefect.AlternatesOrderBetweenCalls && oddCall);
                int terms = defect == MixedPrecisionDefect.DropsTheLastTerm ? k - 1 : k;
                float sum = 0;
                for (int q = 0; q < terms; q++)
                {
                    int p = reversed ? k - 1 - q : q;
                    float weight = Weight(WeightWidening.ToSingle(layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p]));
                    float input = defect == MixedPrecisionDefect.TruncatesXToBFloat16
                        ? BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(x[(i * k) + p]) & 0xFFFF0000)
                        : x[(i * k) + p];
                    sum += input * weight;
                    sum = defect switch
                    {
                        MixedPrecisionDefect.AccumulatesInBFloat16 => (float)(BFloat16)sum,
                        MixedPrecisionDefect.AccumulatesInHalf => (float)(Half)sum,
                        _ => sum,
                    };
                }

                y[(i * n) + j] = sum;
            }
        }
    }

    private int calls;

    private static float SortedSum(ReadOnlySpan<float> row, ReadOnlySpan<TWeight> w, int j, int k, int n, WeightLayout layout)
    {
        var products = new float[k];
        for (int p = 0; p < k; p++)
        {
            products[p] = row[p] * WeightWidening.ToSingle(layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p]);
        }

        Array.Sort(products);
        float sum = 0;
        foreach (float product in products)
        {
            sum += product;
        }

        return sum;
    }

    private float Weight(float weight) => defect switch
    {
        MixedPrecisionDefect.FlushesNaNWeights when float.IsNaN(weight) => 0,
        MixedPrecisionDefect.FlushesSubnormalWeights when float.IsSubnormal(weight) || (typeof(TWeight) == typeof(Half) && Math.Abs(weight) < 6.103515625e-05f) => 0,
        _ => weight,
    };
}
