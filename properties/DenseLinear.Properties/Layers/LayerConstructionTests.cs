using System.Numerics.Tensors;
using DenseLinear.Kernels;
using DenseLinear.Layers;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// What the layers expose and refuse beyond the specification's families: their parameters as given, the default
/// kernel, the activation argument, and the element-count checks behind every shape.
/// </summary>
public sealed class LayerConstructionTests
{
    private static readonly Tensor<float> Weight = Tensor.Create(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
    private static readonly Tensor<float> Bias = Tensor.Create(new float[] { 10, 20 }, [2]);

    [Fact]
    public void A_PyTorch_layer_exposes_its_parameters_and_defaults_to_the_registry_kernel()
    {
        var layer = new LinearLayer<float>(Weight, Bias);
        Assert.Equal(3, layer.InFeatures);
        Assert.Equal(2, layer.OutFeatures);
        Assert.True(layer.HasBias);
        Assert.Equal([2, 3], layer.Weight.Lengths.ToArray());
        Assert.Equal([10f, 20f], Matrices.Values(layer.Bias));
        Assert.Same(BuiltInKernels<float>.Default, layer.MatMulKernel);

        var noBias = new LinearLayer<float>(Weight, null, NaiveKernel<float>.Instance);
        Assert.False(noBias.HasBias);
        Assert.Equal(0, noBias.Bias.FlattenedLength);
        Assert.Same(NaiveKernel<float>.Instance, noBias.MatMulKernel);
    }

    [Fact]
    public void A_Keras_layer_exposes_its_parameters_and_checks_its_activation()
    {
        var layer = new DenseLayer<float>(Weight, null, Activation.Tanh);
        Assert.Equal(2, layer.InFeatures);
        Assert.Equal(3, layer.OutFeatures);
        Assert.Equal(3, layer.Units);
        Assert.Equal(Activation.Tanh, layer.Activation);
        Assert.False(layer.UseBias);
        Assert.Equal(0, layer.Bias.FlattenedLength);
        Assert.Same(BuiltInKernels<float>.Default, layer.MatMulKernel);

        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new DenseLayer<float>(Weight, null, (Activation)9));
        Assert.Equal("activation", e.ParamName);
        Assert.Equal((Activation)9, e.ActualValue);
        Assert.Contains("Undefined activation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bias_of_the_wrong_shape_is_named_with_the_weight_it_does_not_fit()
    {
        // W [2, 3] needs b [2]; K [2, 3] needs b [3].
        ArgumentException pyTorch = Assert.Throws<ArgumentException>(() => new LinearLayer<float>(Weight, Tensor.Create(new float[3], [3])));
        Assert.Equal("bias", pyTorch.ParamName);
        Assert.StartsWith("PyTorch Linear: bias is [3] but weight [2, 3] needs bias [2].", pyTorch.Message, StringComparison.Ordinal);

        ArgumentException keras = Assert.Throws<ArgumentException>(() => new DenseLayer<float>(Weight, Bias));
        Assert.Equal("bias", keras.ParamName);
        Assert.StartsWith("Keras Dense: bias is [2] but kernel [2, 3] needs bias [3].", keras.Message, StringComparison.Ordinal);

        // The right number of elements in the wrong rank is refused too.
        ArgumentException matrixBias = Assert.Throws<ArgumentException>(() => new LinearLayer<float>(Weight, Tensor.Create(new float[2], [1, 2])));
        Assert.StartsWith("PyTorch Linear: bias is [1, 2] but weight [2, 3] needs bias [2].", matrixBias.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_non_matrix_weight_is_refused_by_its_convention_s_name()
    {
        Assert.Equal("weight", Assert.Throws<ArgumentNullException>(() => new LinearLayer<float>(null!)).ParamName);
        Assert.Equal("kernel", Assert.Throws<ArgumentNullException>(() => new DenseLayer<float>(null!)).ParamName);

        ArgumentException vector = Assert.Throws<ArgumentException>(() => new LinearLayer<float>(Bias));
        Assert.Equal("weight", vector.ParamName);
        Assert.StartsWith("PyTorch Linear: weight must be rank 2, got [2].", vector.Message, StringComparison.Ordinal);
        ArgumentException rank3 = Assert.Throws<ArgumentException>(() => new DenseLayer<float>(Tensor.Create(new float[6], [1, 2, 3])));
        Assert.Equal("kernel", rank3.ParamName);
        Assert.StartsWith("Keras Dense: kernel must be rank 2, got [1, 2, 3].", rank3.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_with_more_elements_than_an_array_holds_is_named()
    {
        // [65536, 65536] with zero strides: one value repeated, 2³² elements that no copy can hold.
        Tensor<float> huge = Tensor.Create(new float[] { 1 }, [65536, 65536], [0, 0]);
        ArgumentException pyTorch = Assert.Throws<ArgumentException>(() => new LinearLayer<float>(huge));
        Assert.StartsWith("PyTorch Linear: weight [65536, 65536] has more elements than an array holds:", pyTorch.Message, StringComparison.Ordinal);
        ArgumentException keras = Assert.Throws<ArgumentException>(() => new DenseLayer<float>(huge));
        Assert.StartsWith("Keras Dense: kernel [65536, 65536] has more elements than an array holds:", keras.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Keras_layer_with_an_activation_has_no_PyTorch_equivalent()
    {
        var layer = new DenseLayer<float>(Weight, null, Activation.Relu);
        ArgumentException e = Assert.Throws<ArgumentException>(() => WeightConversion.ToPyTorch(layer));
        Assert.Contains("Relu", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => WeightConversion.ToPyTorch<float>(null!));
        Assert.Throws<ArgumentNullException>(() => WeightConversion.ToKeras<float>(null!));
    }

    [Fact]
    public void Conversion_keeps_the_kernel_unless_another_is_given()
    {
        var linear = new LinearLayer<float>(Weight, Bias, NaiveKernel<float>.Instance);
        Assert.Same(NaiveKernel<float>.Instance, WeightConversion.ToKeras(linear).MatMulKernel);
        Assert.Same(PackedKernel<float>.Instance, WeightConversion.ToKeras(linear, PackedKernel<float>.Instance).MatMulKernel);
        DenseLayer<float> dense = WeightConversion.ToKeras(linear);
        Assert.Same(NaiveKernel<float>.Instance, WeightConversion.ToPyTorch(dense).MatMulKernel);
        Assert.Same(PackedKernel<float>.Instance, WeightConversion.ToPyTorch(dense, PackedKernel<float>.Instance).MatMulKernel);
    }

    [Fact]
    public void Only_rank_2_tensors_transpose()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => WeightConversion.Transpose<float>(Bias));
        Assert.Contains("[2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matrix_too_large_to_transpose_is_named_with_its_shape()
    {
        // [65536, 65536] with zero strides: one value repeated, 2³² elements that no transposed copy can hold.
        ArgumentException e = Assert.Throws<ArgumentException>(
            () => WeightConversion.Transpose(new ReadOnlyTensorSpan<float>([1], [65536, 65536], [0, 0])));
        Assert.StartsWith("weight [65536, 65536] has more elements than an array holds:", e.Message, StringComparison.Ordinal);
    }
}
