using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Layers;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// db reduced over the last leading dimension only, as <c>dY.sum(axis=-2)</c> on (a, b, out) keeps the first slice
/// of a: right for 2-D input, wrong for N-D.
/// </summary>
public static class DroppedLeadingDimensionBackward
{
    public static LayerGradients<T> Backward<T>(Tensor<T> weight, Tensor<T>? bias, Tensor<T> input, Tensor<T> outputGradient, IMatMulKernel<T> kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LayerGradients<T> correct = new LinearLayer<T>(weight, bias, kernel).Backward(input, outputGradient);
        if (correct.BiasGradient is null || outputGradient.Rank < 2 || outputGradient.FlattenedLength == 0)
        {
            return correct;
        }

        int outFeatures = (int)outputGradient.Lengths[^1];
        int rows = (int)outputGradient.Lengths[^2];
        var dY = new T[outputGradient.FlattenedLength];
        outputGradient.FlattenTo(dY);
        var sums = new T[outFeatures];
        for (int row = 0; row < rows; row++)
        {
            for (int j = 0; j < outFeatures; j++)
            {
                sums[j] += dY[(row * outFeatures) + j];
            }
        }

        return correct with { BiasGradient = Tensor.Create(sums, [outFeatures]) };
    }
}
