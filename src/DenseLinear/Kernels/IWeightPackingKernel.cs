using System.Numerics;

namespace DenseLinear.Kernels;

/// <summary>
/// A kernel that can rearrange a weight matrix once into its own panel format, so that repeated products with the
/// same weights (a layer's forward passes) skip that work.
/// </summary>
/// <typeparam name="T">The element type (float or double).</typeparam>
public interface IWeightPackingKernel<T> : IMatMulKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Copies <paramref name="w"/> into the panel format <see cref="Multiply(ReadOnlySpan{T}, PackedWeights{T}, Span{T}, int)"/> reads.</summary>
    /// <param name="w">[k × n] for <see cref="WeightLayout.InOut"/>, [n × k] for <see cref="WeightLayout.OutIn"/>, row-major.</param>
    /// <param name="k">The inner dimension (input features).</param>
    /// <param name="n">The output dimension (output features).</param>
    /// <param name="layout">How <paramref name="w"/> is stored.</param>
    /// <returns>An immutable copy; later changes to <paramref name="w"/> do not reach it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or the layout is undefined.</exception>
    /// <exception cref="ArgumentException"><paramref name="w"/> does not hold k·n elements, or the packed copy would
    /// not fit in an array.</exception>
    PackedWeights<T> Pack(ReadOnlySpan<T> w, int k, int n, WeightLayout layout);

    /// <summary>Computes <c>y[m×n] = x[m×k] · W</c> with weights packed by <see cref="Pack"/>.</summary>
    /// <remarks>The result is bitwise equal to
    /// <see cref="IMatMulKernel{T}.Multiply(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int, WeightLayout)"/>
    /// with the unpacked weights; <paramref name="y"/> is overwritten, never read, and nothing past <c>m·n</c> is
    /// touched.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="w"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not hold m·k elements, <paramref name="y"/>
    /// holds fewer than m·n, a product overflows <see cref="int"/>, the weights were packed by a kernel with another
    /// panel format, or <paramref name="y"/> overlaps <paramref name="x"/>.</exception>
    void Multiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m);
}
