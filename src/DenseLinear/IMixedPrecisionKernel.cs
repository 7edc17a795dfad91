namespace DenseLinear;

/// <summary>
/// A matrix multiplication with 16-bit weights: x and y in float, W in <see cref="BFloat16"/> or <see cref="Half"/>,
/// each weight widened exactly to float and the sums accumulated in float, as inference engines keep 16-bit weights.
/// </summary>
/// <typeparam name="TWeight">The weights' storage type: <see cref="BFloat16"/> or <see cref="Half"/>.</typeparam>
public interface IMixedPrecisionKernel<TWeight>
    where TWeight : unmanaged
{
    /// <summary>A short, stable name used in test names, benchmark rows and failure messages.</summary>
    string Name { get; }

    /// <summary>Computes <c>y[m×n] = x[m×k] · widen(W)</c>, all row-major, with float accumulation.</summary>
    /// <remarks>
    /// <para><paramref name="w"/> is [k × n] for <see cref="WeightLayout.InOut"/> and [n × k] for
    /// <see cref="WeightLayout.OutIn"/>, as for <see cref="IMatMulKernel{T}"/>. Formula:
    /// <c>y[i, j] = Σₚ x[i, p] · float(W(p, j))</c>, where float(·) is exact, so the float error bound holds on the
    /// widened weights.</para>
    /// <para><paramref name="y"/> is overwritten, never read; elements past <c>m·n</c> are not touched.
    /// With <c>k = 0</c> every output is zero.</para>
    /// <para>Implementations validate with <see cref="MatMulArguments.ValidateMixedPrecision{TWeight}"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or the layout is undefined.</exception>
    /// <exception cref="ArgumentException">A span's length does not match its shape, a product of dimensions
    /// overflows <see cref="int"/>, or <paramref name="y"/> overlaps an input.</exception>
    void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<TWeight> w, Span<float> y, int m, int k, int n, WeightLayout layout);
}
