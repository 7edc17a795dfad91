using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Accuracy;

namespace DenseLinear.Layers;

/// <summary>
/// Two affine layers in a row are one affine layer: PyTorch <c>W = W₂·W₁</c>, <c>b = W₂·b₁ + b₂</c>; Keras
/// <c>K = K₁·K₂</c>, <c>b = b₁·K₂ + b₂</c>. Products go through the matrix kernel; the error of the result is
/// <see cref="ErrorBound.ComposedLayer{T}"/>.
/// </summary>
public static class LayerComposition
{
    /// <summary>The PyTorch layer equal to <paramref name="second"/> ∘ <paramref name="first"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="second"/>'s in_features is not <paramref name="first"/>'s out_features, or
    /// the composed weight [out, in] has more elements than an array holds; the message names the shape.</exception>
    public static LinearLayer<T> Compose<T>(LinearLayer<T> first, LinearLayer<T> second, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        CheckChain(first.OutFeatures, second.InFeatures, "PyTorch Linear");
        matMulKernel ??= first.MatMulKernel;
        int input = first.InFeatures, hidden = first.OutFeatures, output = second.OutFeatures;
        T[] w1 = Values(first.Weight), w2 = Values(second.Weight);

        // W [out2×in] = W₂ [out2×hidden] · W₁ [hidden×in], W₁ read as a [k×n] kernel.
        var weight = ArrayLength.Allocate<T>([output, input], "PyTorch Linear: the composed weight");
        matMulKernel.Multiply(w2, w1, weight, output, hidden, input, WeightLayout.InOut);

        // b = W₂·b₁ + b₂: the row b₁ᵀ [1×hidden] times W₂ᵀ, W₂ read as an [n×k] weight.
        T[]? bias = ComposedBias(
            first.HasBias ? Values(first.Bias) : null, w2, WeightLayout.OutIn, second.HasBias ? Values(second.Bias) : null, hidden, output, matMulKernel);

        return LinearLayer<T>.Own(weight, bias, output, input, matMulKernel);
    }

    /// <summary>The Keras layer equal to <paramref name="second"/> ∘ <paramref name="first"/>; both must have a linear activation.</summary>
    /// <exception cref="ArgumentException">The units do not chain, a layer has an activation (the composition would not be affine), or
    /// the composed kernel [in, units] has more elements than an array holds; the message names the shape.</exception>
    public static DenseLayer<T> Compose<T>(DenseLayer<T> first, DenseLayer<T> second, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        CheckChain(first.Units, second.InFeatures, "Keras Dense");
        if (first.Activation != Activation.Linear || second.Activation != Activation.Linear)
        {
            throw new ArgumentException(
                $"Keras Dense: only linear layers compose into one; got activations {first.Activation} and {second.Activation}.", nameof(first));
        }

        matMulKernel ??= first.MatMulKernel;
        int input = first.InFeatures, hidden = first.Units, output = second.Units;
        T[] k1 = Values(first.Kernel), k2 = Values(second.Kernel);

        // K [in×units2] = K₁ [in×hidden] · K₂ [hidden×units2].
        var composed = ArrayLength.Allocate<T>([input, output], "Keras Dense: the composed kernel");
        matMulKernel.Multiply(k1, k2, composed, input, hidden, output, WeightLayout.InOut);

        // b = b₁·K₂ + b₂, b₁ as a [1×hidden] row.
        T[]? bias = ComposedBias(
            first.UseBias ? Values(first.Bias) : null, k2, WeightLayout.InOut, second.UseBias ? Values(second.Bias) : null, hidden, output, matMulKernel);

        return DenseLayer<T>.Own(composed, bias, input, output, Activation.Linear, matMulKernel);
    }

    // b₁ [1×hidden] times the second layer's weight, plus b₂; null when neither layer has a bias.
    private static T[]? ComposedBias<T>(T[]? firstBias, T[] secondWeight, WeightLayout layout, T[]? secondBias, int hidden, int output, IMatMulKernel<T> matMulKernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (firstBias is null && secondBias is null)
        {
            return null;
        }

        var bias = ArrayLength.Allocate<T>([output], "the composed bias");
        if (firstBias is not null)
        {
            matMulKernel.Multiply(firstBias, secondWeight, bias, 1, hidden, output, layout);
        }

        AffineParameters<T>.AddToEveryRow(bias, secondBias);
        return bias;
    }

    private static void CheckChain(int firstOut, int secondIn, string convention)
    {
        if (firstOut != secondIn)
        {
            throw new ArgumentException($"{convention}: the first layer gives {firstOut} features but the second takes {secondIn}.", "second");
        }
    }

    private static T[] Values<T>(in ReadOnlyTensorSpan<T> tensor)
    {
        var values = ArrayLength.Allocate<T>(tensor.Lengths, "a layer's weight");
        tensor.FlattenTo(values);
        return values;
    }
}
