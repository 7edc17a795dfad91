using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Accuracy;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification.Cases;

/// <summary>
/// One generated layer: PyTorch weight W [out, in], optional bias [out], and an input of shape
/// (<see cref="Leading"/>..., in).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed record LayerCase<T>(int InFeatures, int OutFeatures, T[] WeightOutIn, T[]? Bias, int[] Leading, T[] Input)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The number of rows once the leading dimensions are flattened.</summary>
    public int Rows => Leading.Aggregate(1, (a, b) => a * b);

    /// <summary>W as a tensor [out, in].</summary>
    public Tensor<T> Weight => Tensor.Create((T[])WeightOutIn.Clone(), [OutFeatures, InFeatures]);

    /// <summary>K = Wᵀ as a tensor [in, out], transposed here, independently of the library.</summary>
    public Tensor<T> KernelInOut => Tensor.Create(Matrices.Transpose<T>(WeightOutIn, OutFeatures, InFeatures), [InFeatures, OutFeatures]);

    /// <summary>The bias as a tensor [out], or null.</summary>
    public Tensor<T>? BiasTensor => Bias is null ? null : Tensor.Create((T[])Bias.Clone(), [OutFeatures]);

    /// <summary>The input shape (leading..., in).</summary>
    public nint[] InputShape => [.. Leading.Select(d => (nint)d), InFeatures];

    /// <summary>The output shape (leading..., out).</summary>
    public nint[] OutputShape => [.. Leading.Select(d => (nint)d), OutFeatures];

    /// <summary>The input as a tensor.</summary>
    public Tensor<T> InputTensor => Tensor.Create((T[])Input.Clone(), InputShape);

    /// <summary>The exact reference of x·Wᵀ + b over the flattened rows.</summary>
    public ExactReference<T> Reference() =>
        ExactReference<T>.Multiply(Input, WeightOutIn, Rows, InFeatures, OutFeatures, WeightLayout.OutIn, Bias);

    /// <inheritdoc />
    public override string ToString()
    {
        string shape = $"input [{string.Join(", ", InputShape)}] · W [{OutFeatures}, {InFeatures}]ᵀ{(Bias is null ? " (no bias)" : " + b")}";
        return WeightOutIn.Length + Input.Length <= 64
            ? $"{shape} x={Matrices.Format<T>(Input)} W={Matrices.Format<T>(WeightOutIn)}{(Bias is null ? string.Empty : " b=" + Matrices.Format<T>(Bias))}"
            : shape;
    }
}
