using System.Numerics;

namespace DenseLinear;

/// <summary>A matrix multiplication kernel: the one operation every dense layer reduces to.</summary>
/// <typeparam name="T">The IEEE 754 element type (<see cref="float"/> or <see cref="double"/>).</typeparam>
public interface IMatMulKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A short, stable name used in test names, benchmark rows and failure messages.</summary>
    string Name { get; }

    /// <summary>Computes <c>y[m×n] = x[m×k] · W</c>, all row-major.</summary>
    /// <remarks>
    /// <para><paramref name="w"/> is [k × n] for <see cref="WeightLayout.InOut"/> (y = x·K) and [n × k] for
    /// <see cref="WeightLayout.OutIn"/> (y = x·Wᵀ). Formula: <c>y[i, j] = Σₚ x[i, p] · W(p, j)</c>.</para>
    /// <para><paramref name="y"/> is overwritten, never read; elements past <c>m·n</c> are not touched.
    /// With <c>k = 0</c> every output is zero.</para>
    /// <para>Implementations validate with <see cref="MatMulArguments.Validate{T}"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or the layout is undefined.</exception>
    /// <exception cref="ArgumentException">A span's length does not match its shape, a product of
    /// dimensions overflows <see cref="int"/>, or <paramref name="y"/> overlaps an input.</exception>
    void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout);
}
