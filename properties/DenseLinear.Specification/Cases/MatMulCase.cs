using System.Globalization;
using System.Numerics;
using System.Text;
using DenseLinear.Accuracy;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification.Cases;

/// <summary>
/// One generated product: x [m×k] and the weight, kept as the Keras kernel K [k×n]; <see cref="Weight"/> gives it in
/// <see cref="Layout"/> (Wᵀ materialized for OutIn). Prints its shapes and, when small, its values, so a shrunk
/// counterexample can be read and typed into a unit test.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed record MatMulCase<T>(int M, int K, int N, T[] X, T[] KernelInOut, WeightLayout Layout)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The weight as the kernel takes it: K [k×n] for InOut, W = Kᵀ [n×k] for OutIn (a fresh array).</summary>
    public T[] Weight => Layout == WeightLayout.InOut ? (T[])KernelInOut.Clone() : Matrices.Transpose<T>(KernelInOut, K, N);

    /// <summary>The same product in the other layout (same mathematical W).</summary>
    public MatMulCase<T> WithLayout(WeightLayout layout) => this with { Layout = layout };

    /// <summary>The same weight with another x of the same shape.</summary>
    public MatMulCase<T> WithX(T[] x) => this with { X = x };

    /// <summary>The exact reference product for this case.</summary>
    public ExactReference<T> Reference() => ExactReference<T>.Multiply(X, KernelInOut, M, K, N, WeightLayout.InOut);

    /// <summary>The product's shapes, as in exception messages.</summary>
    public string Shapes => MatMulArguments.Describe(M, K, N, Layout);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder(Shapes);
        if (X.Length + KernelInOut.Length <= 64)
        {
            text.Append(CultureInfo.InvariantCulture, $" x={Matrices.Format(X)} K={Matrices.Format(KernelInOut)}");
        }

        return text.ToString();
    }
}
