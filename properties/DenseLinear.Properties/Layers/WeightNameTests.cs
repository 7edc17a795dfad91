using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>Parameter names between the conventions: PyTorch <c>module.weight</c> ↔ Keras <c>module/kernel:0</c>.</summary>
public sealed class WeightNameTests
{
    [Theory]
    [InlineData("weight", "kernel")]
    [InlineData("bias", "bias")]
    [InlineData("fc1.weight", "fc1/kernel")]
    [InlineData("fc1.bias", "fc1/bias")]
    [InlineData("encoder.layers.0.weight", "encoder.layers.0/kernel")]
    public void PyTorch_names_map_to_Keras_names(string pyTorch, string keras) => Assert.Equal(keras, WeightConversion.ToKerasName(pyTorch));

    [Theory]
    [InlineData("kernel", "weight")]
    [InlineData("kernel:0", "weight")]
    [InlineData("dense/kernel:0", "dense.weight")]
    [InlineData("dense/bias:0", "dense.bias")]
    [InlineData("dense/bias", "dense.bias")]
    [InlineData("model/dense_1/kernel", "model/dense_1.weight")]
    public void Keras_names_map_to_PyTorch_names(string keras, string pyTorch) => Assert.Equal(pyTorch, WeightConversion.ToPyTorchName(keras));

    [Theory]
    [InlineData("fc1.running_mean")]
    [InlineData("fc1.kernel")]
    [InlineData("fc1")]
    [InlineData("")]
    public void Other_PyTorch_names_are_rejected_by_name(string name)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => WeightConversion.ToKerasName(name));
        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
        Assert.Equal("pyTorchName", e.ParamName);
    }

    [Theory]
    [InlineData("dense/gamma:0")]
    [InlineData("dense/weight")]
    [InlineData("dense/kernel:1")]
    public void Other_Keras_names_are_rejected_by_name(string name)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => WeightConversion.ToPyTorchName(name));
        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
        Assert.Equal("kerasName", e.ParamName);
    }

    [Fact]
    public void Null_names_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => WeightConversion.ToKerasName(null!));
        Assert.Throws<ArgumentNullException>(() => WeightConversion.ToPyTorchName(null!));
    }
}
