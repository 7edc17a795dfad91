using System.Numerics.Tensors;
using DenseLinear.Kernels;
using DenseLinear.Layers;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// Two affine layers composed into one on small integer weights, where the composed parameters are exact: PyTorch
/// W = W₂·W₁, b = W₂·b₁ + b₂ and Keras K = K₁·K₂, b = b₁·K₂ + b₂, with every combination of biases; and the
/// refusals, which name the features that do not chain, the activations that are not affine and a composed weight
/// too large for an array.
/// </summary>
public sealed class LayerCompositionTests
{
    // W₁ [hidden 2, in 3], W₂ [out 1, hidden 2]: W = W₂·W₁ = 2·(1, 2, 3) − (4, 5, 6) = (−2, −1, 0); W₂·b₁ = 20 − 30.
    private static readonly float[] Weight1 = [1, 2, 3, 4, 5, 6];
    private static readonly float[] Weight2 = [2, -1];
    private static readonly float[] Bias1 = [10, 30];
    private static readonly float[] Bias2 = [5];

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(true, false, -10f)]
    [InlineData(false, true, 5f)]
    [InlineData(true, true, -5f)]
    public void Composed_parameters_are_the_products_with_the_bias_present_when_either_layer_has_one(bool firstBias, bool secondBias, float? expectedBias)
    {
        LinearLayer<float> pyTorch = LayerComposition.Compose(
            new LinearLayer<float>(Tensor.Create((float[])Weight1.Clone(), [2, 3]), firstBias ? Tensor.Create((float[])Bias1.Clone(), [2]) : null),
            new LinearLayer<float>(Tensor.Create((float[])Weight2.Clone(), [1, 2]), secondBias ? Tensor.Create((float[])Bias2.Clone(), [1]) : null));
        Assert.Equal([1, 3], pyTorch.Weight.Lengths.ToArray());
        Assert.Equal([-2f, -1f, 0f], Matrices.Values(pyTorch.Weight));
        Assert.Equal(expectedBias is not null, pyTorch.HasBias);

        // The same layers in Keras' layout: K₁ = W₁ᵀ [3, 2], K₂ = W₂ᵀ [2, 1].
        DenseLayer<float> keras = LayerComposition.Compose(
            new DenseLayer<float>(Tensor.Create(new float[] { 1, 4, 2, 5, 3, 6 }, [3, 2]), firstBias ? Tensor.Create((float[])Bias1.Clone(), [2]) : null),
            new DenseLayer<float>(Tensor.Create((float[])Weight2.Clone(), [2, 1]), secondBias ? Tensor.Create((float[])Bias2.Clone(), [1]) : null));
        Assert.Equal([3, 1], keras.Kernel.Lengths.ToArray());
        Assert.Equal([-2f, -1f, 0f], Matrices.Values(keras.Kernel));
        Assert.Equal(expectedBias is not null, keras.UseBias);
        Assert.Equal(Activation.Linear, keras.Activation);

        if (expectedBias is float b)
        {
            Assert.Equal([b], Matrices.Values(pyTorch.Bias));
            Assert.Equal([b], Matrices.Values(keras.Bias));
        }
    }

    [Fact]
    public void The_composed_layer_multiplies_with_the_given_kernel_or_else_the_first_layer_s()
    {
        var first = new LinearLayer<float>(Tensor.Create((float[])Weight1.Clone(), [2, 3]), null, NaiveKernel<float>.Instance);
        var second = new LinearLayer<float>(Tensor.Create((float[])Weight2.Clone(), [1, 2]));
        Assert.Same(NaiveKernel<float>.Instance, LayerComposition.Compose(first, second).MatMulKernel);
        Assert.Same(BuiltInKernels<float>.Default, LayerComposition.Compose(first, second, BuiltInKernels<float>.Default).MatMulKernel);

        var kerasFirst = new DenseLayer<float>(Tensor.Create(new float[6], [3, 2]), null, Activation.Linear, NaiveKernel<float>.Instance);
        var kerasSecond = new DenseLayer<float>(Tensor.Create(new float[2], [2, 1]));
        Assert.Same(NaiveKernel<float>.Instance, LayerComposition.Compose(kerasFirst, kerasSecond).MatMulKernel);
        Assert.Same(BuiltInKernels<float>.Default, LayerComposition.Compose(kerasFirst, kerasSecond, BuiltInKernels<float>.Default).MatMulKernel);
    }

    [Fact]
    public void Layers_that_do_not_chain_are_named_with_their_features()
    {
        var first = new LinearLayer<float>(Tensor.Create(new float[6], [2, 3]));
        var takesFour = new LinearLayer<float>(Tensor.Create(new float[8], [2, 4]));
        ArgumentException pyTorch = Assert.Throws<ArgumentException>(() => LayerComposition.Compose(first, takesFour));
        Assert.Equal("second", pyTorch.ParamName);
        Assert.StartsWith("PyTorch Linear: the first layer gives 2 features but the second takes 4.", pyTorch.Message, StringComparison.Ordinal);

        var kerasFirst = new DenseLayer<float>(Tensor.Create(new float[6], [3, 2]));
        var kerasTakesFour = new DenseLayer<float>(Tensor.Create(new float[8], [4, 2]));
        ArgumentException keras = Assert.Throws<ArgumentException>(() => LayerComposition.Compose(kerasFirst, kerasTakesFour));
        Assert.Equal("second", keras.ParamName);
        Assert.StartsWith("Keras Dense: the first layer gives 2 features but the second takes 4.", keras.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_composed_weight_with_more_elements_than_an_array_holds_is_named()
    {
        // A hidden width of 1 between 65536 inputs and 65536 outputs: both layers are small, the product has 2³² elements.
        var narrow = new LinearLayer<float>(Tensor.Create(new float[65536], [1, 65536]));
        var wide = new LinearLayer<float>(Tensor.Create(new float[65536], [65536, 1]));
        ArgumentException pyTorch = Assert.Throws<ArgumentException>(() => LayerComposition.Compose(narrow, wide));
        Assert.StartsWith("PyTorch Linear: the composed weight [65536, 65536] has more elements than an array holds:", pyTorch.Message, StringComparison.Ordinal);

        var kerasNarrow = new DenseLayer<float>(Tensor.Create(new float[65536], [65536, 1]));
        var kerasWide = new DenseLayer<float>(Tensor.Create(new float[65536], [1, 65536]));
        ArgumentException keras = Assert.Throws<ArgumentException>(() => LayerComposition.Compose(kerasNarrow, kerasWide));
        Assert.StartsWith("Keras Dense: the composed kernel [65536, 65536] has more elements than an array holds:", keras.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Activation.Linear, Activation.Relu)]
    [InlineData(Activation.Sigmoid, Activation.Linear)]
    [InlineData(Activation.Gelu, Activation.Softmax)]
    public void Keras_layers_with_an_activation_are_refused_by_naming_both_activations(Activation first, Activation second)
    {
        var a = new DenseLayer<float>(Tensor.Create(new float[6], [3, 2]), null, first);
        var b = new DenseLayer<float>(Tensor.Create(new float[2], [2, 1]), null, second);
        ArgumentException e = Assert.Throws<ArgumentException>(() => LayerComposition.Compose(a, b));
        Assert.Equal("first", e.ParamName);
        Assert.StartsWith($"Keras Dense: only linear layers compose into one; got activations {first} and {second}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_layers_are_named()
    {
        var linear = new LinearLayer<float>(Tensor.Create(new float[4], [2, 2]));
        var dense = new DenseLayer<float>(Tensor.Create(new float[4], [2, 2]));
        Assert.Equal("first", Assert.Throws<ArgumentNullException>(() => LayerComposition.Compose(null!, linear)).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentNullException>(() => LayerComposition.Compose(linear, null!)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentNullException>(() => LayerComposition.Compose(null!, dense)).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentNullException>(() => LayerComposition.Compose(dense, null!)).ParamName);
    }
}
