namespace DenseLinear.Kernels;

/// <summary>
/// The mixed-precision oracle: the textbook triple loop of <see cref="NaiveKernel{T}"/> on float, each weight widened
/// exactly (<see cref="WeightWidening"/>) where it is read, one multiply and one add per term in float, k summed from 0
/// upward. No blocking, no vectors, no fused multiply-add.
/// </summary>
/// <typeparam name="TWeight">The weights' storage type: <see cref="BFloat16"/> or <see cref="Half"/>.</typeparam>
public sealed class NaiveMixedPrecisionKernel<TWeight> : IMixedPrecisionKernel<TWeight>
    where TWeight : unmanaged
{
    /// <summary>The shared instance; the kernel has no state.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TWeight"/> is neither BFloat16 nor Half.</exception>
    public static NaiveMixedPrecisionKernel<TWeight> Instance { get; } = new();

    private NaiveMixedPrecisionKernel() => WeightWidening.ThrowIfUnsupported<TWeight>();

    /// <inheritdoc />
    public string Name => "Naive";

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<TWeight> w, Span<float> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.ValidateMixedPrecision(x, w, y, m, k, n, layout);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++)
                {
                    float weight = WeightWidening.ToSingle(layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p]);
                    sum += x[(i * k) + p] * weight;
                }

                y[(i * n) + j] = sum;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
