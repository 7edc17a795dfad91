using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Layers;
using DenseLinear.Specification.Support;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// Composes PyTorch layers with the product's operands swapped, W₁·W₂ for W₂·W₁: the kernel rejects the call unless
/// in = out, and then the values are wrong.
/// </summary>
public static class WrongOrderComposition
{
    public static (Tensor<T> Weight, Tensor<T>? Bias) Compose<T>(Tensor<T> weight1, Tensor<T>? bias1, Tensor<T> weight2, Tensor<T>? bias2, IMatMulKernel<T> kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (LinearLayer<T> first, LinearLayer<T> second) = (new LinearLayer<T>(weight1, bias1, kernel), new LinearLayer<T>(weight2, bias2, kernel));
        LinearLayer<T> correct = LayerComposition.Compose(first, second);
        int inFeatures = first.InFeatures, hidden = first.OutFeatures, outFeatures = second.OutFeatures;
        T[] w1 = Matrices.Values<T>(weight1), w2 = Matrices.Values<T>(weight2);
        var weight = new T[outFeatures * inFeatures];
        kernel.Multiply(w1, w2, weight, outFeatures, hidden, inFeatures, WeightLayout.InOut);
        return (Tensor.Create(weight, [outFeatures, inFeatures]), correct.HasBias ? Tensor.Create(Matrices.Values(correct.Bias), [outFeatures]) : null);
    }
}
