using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// The textbook softmax e^vⱼ / Σ e^vᵢ in T, without subtracting the row maximum: e^v overflows past 88.7 in float
/// and the row turns into ∞/∞ = NaN.
/// </summary>
public static class UnshiftedSoftmaxActivation
{
    public static void Apply<T>(Span<T> values, int rowLength)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int start = 0; rowLength > 0 && start < values.Length; start += rowLength)
        {
            Span<T> row = values.Slice(start, rowLength);
            T sum = T.Zero;
            foreach (ref T v in row)
            {
                v = T.Exp(v);
                sum += v;
            }

            foreach (ref T v in row)
            {
                v /= sum;
            }
        }
    }
}
