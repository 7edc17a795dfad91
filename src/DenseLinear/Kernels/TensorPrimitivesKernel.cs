using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear.Kernels;

/// <summary>
/// The obvious SIMD kernel, built from <see cref="TensorPrimitives"/> calls: one dot product per output for
/// OutIn, one row-wide fused multiply-add per term for InOut.
/// </summary>
/// <remarks>
/// <para>InOut: <c>y[i, :] = 0; for p = 0..k-1: y[i, :] = fma(x[i, p], K[p, :], y[i, :])</c>, the same sequential
/// chain per output as <see cref="PackedKernel{T}"/>, so the two agree bit for bit.</para>
/// <para>OutIn: <c>y[i, j] = TensorPrimitives.Dot(x[i, :], W[j, :])</c>. Dot sums in vector lanes and combines
/// them at the end, so the order of the terms is not increasing p and the result may differ from the sequential
/// chain in the last bits (and across instruction sets). It is still deterministic and batch invariant: every
/// output is computed the same way whatever m is.</para>
/// <para>Shapes: x [m×k], W [k×n] (InOut) or [n×k] (OutIn), y [m×n], row-major; y is overwritten, never read,
/// and nothing past m·n is touched; k = 0 gives zeros.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed class TensorPrimitivesKernel<T> : IMatMulKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The shared instance; the kernel has no state.</summary>
    public static TensorPrimitivesKernel<T> Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "TensorPrimitives";

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<T> xRow = x.Slice(i * k, k);
            Span<T> yRow = y.Slice(i * n, n);
            if (layout == WeightLayout.OutIn)
            {
                for (int j = 0; j < n; j++)
                {
                    yRow[j] = TensorPrimitives.Dot(xRow, w.Slice(j * k, k));
                }
            }
            else
            {
                // Starting from +0 (not from the first product) matches the chain: fma(a, b, +0) turns -0 into +0.
                yRow.Clear();
                for (int p = 0; p < k; p++)
                {
                    TensorPrimitives.FusedMultiplyAdd(w.Slice(p * n, n), xRow[p], yRow, yRow);
                }
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
