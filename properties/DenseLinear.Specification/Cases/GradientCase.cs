using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification.Cases;

/// <summary>A layer (PyTorch weight, bias, N-D input), the Keras activation, and a loss gradient dY of the output's shape.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed record GradientCase<T>(LayerCase<T> Layer, Activation Activation, T[] OutputGradient)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>dY as a tensor (leading..., out).</summary>
    public Tensor<T> OutputGradientTensor => Tensor.Create((T[])OutputGradient.Clone(), Layer.OutputShape);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Layer} activation {Activation}{(OutputGradient.Length <= 32 ? " dY=" + Matrices.Format<T>(OutputGradient) : string.Empty)}";
}
