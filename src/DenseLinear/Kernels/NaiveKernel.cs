using System.Numerics;

namespace DenseLinear.Kernels;

/// <summary>
/// The oracle: the textbook triple loop, one multiply and one add per term, k summed from 0 upward.
/// No blocking, no vectors, no fused multiply-add. Every other kernel answers to this one.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class NaiveKernel<T> : IMatMulKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The shared instance; the kernel has no state.</summary>
    public static NaiveKernel<T> Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "Naive";

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = T.Zero;
                for (int p = 0; p < k; p++)
                {
                    T weight = layout == WeightLayout.InOut ? w[(p * n) + j] : w[(j * k) + p];
                    sum += x[(i * k) + p] * weight;
                }

                y[(i * n) + j] = sum;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
