using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Layers;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// The PyTorch backward pass computed as Keras computes it, dK = Xᵀ·dY [in, out], and handed back as PyTorch's dW
/// [out, in] by a reshape instead of a transpose: the right shape, the wrong values.
/// </summary>
public static class WrongTransposeBackward
{
    public static LayerGradients<T> Backward<T>(Tensor<T> weight, Tensor<T>? bias, Tensor<T> input, Tensor<T> outputGradient, IMatMulKernel<T> kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LayerGradients<T> keras = new DenseLayer<T>(WeightConversion.Transpose<T>(weight), bias, Activation.Linear, kernel).Backward(input, outputGradient);
        var values = new T[keras.WeightGradient.FlattenedLength];
        keras.WeightGradient.FlattenTo(values);
        return keras with { WeightGradient = Tensor.Create(values, [weight.Lengths[0], weight.Lengths[1]]) };
    }
}
