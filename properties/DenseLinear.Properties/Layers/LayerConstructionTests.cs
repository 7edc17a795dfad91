using System.Numerics.Tensors;
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
        Assert.Equal([10f, 20f], Flatten(layer.Bias));
        Assert.Same(BuiltInKernels<float>.Default, layer.Kernel);

        var noBias = new LinearLayer<float>(Weight, null, NaiveKernel<float>.Instance);
        Assert.False(noBias.HasBias);
        Assert.Equal(0, noBias.Bias.FlattenedLength);
        Assert.Same(NaiveKernel<float>.Instance, noBias.Kernel);
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
        Assert.Same(NaiveKernel<float>.Instance, WeightConversion.ToPyTorch(dense).Kernel);
        Assert.Same(PackedKernel<float>.Instance, WeightConversion.ToPyTorch(dense, PackedKernel<float>.Instance).Kernel);
    }

    [Fact]
    public void Only_rank_2_tensors_transpose()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => WeightConversion.Transpose<float>(Bias));
        Assert.Contains("[2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Element_counts_are_exact_up_to_int_MaxValue_and_rejected_past_it()
    {
        Assert.Equal(1, TensorShape.ElementCount([], "s"));
        Assert.Equal(0, TensorShape.ElementCount([0, int.MaxValue, int.MaxValue], "s"));
        Assert.Equal(0, TensorShape.ElementCount([65536, 65536, 0], "s"));
        Assert.Equal(0, TensorShape.ElementCount([int.MaxValue, int.MaxValue, 3, 0, 5], "s"));
        Assert.Equal(int.MaxValue, TensorShape.ElementCount([int.MaxValue], "s"));
        Assert.Equal(int.MaxValue, TensorShape.ElementCount([1, int.MaxValue, 1], "s"));
        Assert.Equal(46340 * 46340, TensorShape.ElementCount([46340, 46340], "s"));
        ArgumentException e = Assert.Throws<ArgumentException>(() => TensorShape.ElementCount([46341, 46341], "output"));
        Assert.Contains("output [46341, 46341]", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TensorShape.ElementCount([65536, 32768], "s"));
        Assert.Equal("[]", TensorShape.Format([]));
        Assert.Equal("[2, 0, 7]", TensorShape.Format([2, 0, 7]));
    }

    private static float[] Flatten(ReadOnlyTensorSpan<float> span)
    {
        var values = new float[(int)span.FlattenedLength];
        span.FlattenTo(values);
        return values;
    }
}
