using System.Numerics.Tensors;
using DenseLinear.Initialization;
using DenseLinear.Layers;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The fidelity API's contracts that are not properties: fans per layout, distribution moments, argument errors.</summary>
public sealed class FidelityApiTests
{
    [Fact]
    public void Fans_come_from_the_layouts_axes()
    {
        Assert.Equal((3, 5), WeightFans.Of(5, 3, WeightLayout.OutIn));
        Assert.Equal((5, 3), WeightFans.Of(5, 3, WeightLayout.InOut));
    }

    [Fact]
    public void Glorot_normal_has_variance_two_over_fan_sum_after_truncation()
    {
        WeightDistribution distribution = WeightInitializer.GlorotNormal.Distribution(30, 70);
        Assert.True(distribution.IsTruncatedNormal);
        Assert.Equal(2.0 / 100, distribution.Variance, 1e-9);
        Assert.Equal(2 * distribution.Sigma, distribution.Limit);
        Assert.Equal(0.5, distribution.Cdf(0), 1e-15);
        Assert.Equal(0, distribution.Cdf(-distribution.Limit));
        Assert.Equal(1, distribution.Cdf(distribution.Limit));
    }

    [Fact]
    public void Uniform_initializers_have_the_documented_limits()
    {
        Assert.Equal(1 / Math.Sqrt(16), WeightInitializer.KaimingUniformSqrt5.Distribution(16, 4).Limit);
        Assert.Equal(0, WeightInitializer.KaimingUniformSqrt5.Distribution(0, 4).Limit);
        Assert.Equal(Math.Sqrt(6.0 / 20), WeightInitializer.GlorotUniform.Distribution(16, 4).Limit);
        Assert.Equal(Math.Sqrt(6.0 / 16), WeightInitializer.HeUniform.Distribution(16, 4).Limit);
        Assert.Equal(Math.Pow(0.25, 2) / 3, WeightDistribution.Uniform(0.25).Variance, 1e-15);
        Assert.Same(WeightInitializer.GlorotNormal, WeightInitializer.Parse("glorot_normal"));
    }

    [Fact]
    public void PyTorch_layer_with_no_inputs_gets_a_zero_bias()
    {
        LinearLayer<float> layer = LinearLayer<float>.Create(0, 3, bias: true, seed: 5);
        Assert.Equal([0f, 0f, 0f], Matrices.Values(layer.Bias));
        Assert.Equal([3, 0], layer.Weight.Lengths.ToArray());
    }

    [Fact]
    public void Keras_layer_gets_a_zero_bias_and_an_in_by_units_kernel()
    {
        DenseLayer<double> layer = DenseLayer<double>.Create(4, 2, seed: 5, Activation.Gelu);
        Assert.Equal([4, 2], layer.Kernel.Lengths.ToArray());
        Assert.Equal([0.0, 0.0], Matrices.Values(layer.Bias));
        Assert.Equal(Activation.Gelu, layer.Activation);
    }

    [Fact]
    public void Activation_rows_must_divide_the_span()
    {
        Assert.Throws<ArgumentException>(() => ActivationFunctions.Apply(Activation.Softmax, new float[5].AsSpan(), 2));
        Assert.Equal(Activation.Softmax, ActivationFunctions.Parse("softmax"));
        Assert.Equal(Activation.Gelu, ActivationFunctions.Parse("gelu"));
        Assert.Throws<ArgumentException>(() => ActivationFunctions.Parse("swish"));
    }

    [Fact]
    public void Backward_rejects_an_output_gradient_of_the_wrong_shape_and_names_it()
    {
        var layer = new LinearLayer<float>(Tensor.Create(new float[6], [2, 3]));
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            layer.Backward(Tensor.Create(new float[3], [1, 3]), Tensor.Create(new float[3], [1, 3])));
        Assert.Contains("[1, 3]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Composition_rejects_layers_that_do_not_chain_or_are_not_affine()
    {
        var first = new DenseLayer<float>(Tensor.Create(new float[6], [2, 3]));
        var relu = new DenseLayer<float>(Tensor.Create(new float[6], [3, 2]), activation: Activation.Relu);
        Assert.Throws<ArgumentException>(() => LayerComposition.Compose(first, first));
        Assert.Throws<ArgumentException>(() => LayerComposition.Compose(first, relu));
    }
}
