using System.Numerics.Tensors;
using DenseLinear.Kernels;
using DenseLinear.Layers;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// A layer built on a weight-packing kernel (<see cref="IWeightPackingKernel{T}"/>) has its weights packed once, when
/// it is built, in its convention's layout, and every forward pass, into a new tensor or a destination, multiplies
/// with those packed weights: no pass packs again or falls back to the unpacked product.
/// </summary>
public sealed class WeightPackingTests
{
    private static readonly float[] WeightValues = [1, 2, 3, 4, 5, 6];
    private static readonly float[] InputValues = [1, 0, -1, 2, 1, 0.5f];

    [Fact]
    public void A_PyTorch_layer_packs_once_and_forwards_through_the_packed_weights()
    {
        var kernel = new CountingPackingKernel<float>();
        var layer = new LinearLayer<float>(Tensor.Create((float[])WeightValues.Clone(), [2, 3]), Tensor.Create(new float[] { 10, 20 }, [2]), kernel);
        Assert.Equal(1, kernel.Packs);
        Assert.Equal((3, 2, WeightLayout.OutIn), kernel.LastPack);
        ForwardTwice(layer, kernel);
    }

    [Fact]
    public void A_Keras_layer_packs_once_and_forwards_through_the_packed_weights()
    {
        var kernel = new CountingPackingKernel<float>();
        var layer = new DenseLayer<float>(Tensor.Create((float[])WeightValues.Clone(), [3, 2]), null, Activation.Relu, kernel);
        Assert.Equal(1, kernel.Packs);
        Assert.Equal((3, 2, WeightLayout.InOut), kernel.LastPack);
        ForwardTwice(layer, kernel);
    }

    // Two passes, one of each overload: each is one packed product, and the values are the unpacked kernel's.
    private static void ForwardTwice(IDenseLayer<float> layer, CountingPackingKernel<float> kernel)
    {
        var input = Tensor.Create((float[])InputValues.Clone(), [2, 3]);
        Tensor<float> output = layer.Forward(input);
        var destination = new float[4];
        layer.Forward(input, new TensorSpan<float>(destination, [2, 2]));
        Assert.Equal(1, kernel.Packs);
        Assert.Equal(2, kernel.PackedProducts);
        Assert.Equal(0, kernel.UnpackedProducts);

        IDenseLayer<float> unpacked = layer is LinearLayer<float> linear
            ? new LinearLayer<float>(Tensor.Create(Matrices.Values(linear.Weight), [2, 3]), Tensor.Create(Matrices.Values(linear.Bias), [2]), NaiveKernel<float>.Instance)
            : new DenseLayer<float>(Tensor.Create(Matrices.Values(((DenseLayer<float>)layer).Kernel), [3, 2]), null, Activation.Relu, NaiveKernel<float>.Instance);
        float[] expected = Matrices.Values(unpacked.Forward(input));
        Assert.Equal(expected, Matrices.Values(output));
        Assert.Equal(expected, destination);
    }
}
