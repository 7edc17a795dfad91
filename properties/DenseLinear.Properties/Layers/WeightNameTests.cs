using DenseLinear.Layers;
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
    [InlineData(".weight", "/kernel")]
    [InlineData(".bias", "/bias")]
    [InlineData("a..weight", "a./kernel")]
    public void PyTorch_names_map_to_Keras_names(string pyTorch, string keras) => Assert.Equal(keras, WeightConversion.ToKerasName(pyTorch));

    [Theory]
    [InlineData("kernel", "weight")]
    [InlineData("kernel:0", "weight")]
    [InlineData("dense/kernel:0", "dense.weight")]
    [InlineData("dense/bias:0", "dense.bias")]
    [InlineData("dense/bias", "dense.bias")]
    [InlineData("model/dense_1/kernel", "model/dense_1.weight")]
    [InlineData("/kernel", ".weight")]
    [InlineData("/bias:0", ".bias")]
    public void Keras_names_map_to_PyTorch_names(string keras, string pyTorch) => Assert.Equal(pyTorch, WeightConversion.ToPyTorchName(keras));

    /// <summary>
    /// Only the last segment is renamed and the module path before it is kept as written, separator included, so
    /// the two maps are inverse to each other: an empty module path (a name starting with the separator) stays
    /// distinct from no module path at all.
    /// </summary>
    [Theory]
    [InlineData("weight")]
    [InlineData("bias")]
    [InlineData(".weight")]
    [InlineData(".bias")]
    [InlineData("..weight")]
    [InlineData("fc1.weight")]
    [InlineData("a/b.bias")]
    [InlineData("encoder.layers.0.weight")]
    public void Names_map_back_to_themselves(string pyTorch)
    {
        string keras = WeightConversion.ToKerasName(pyTorch);
        Assert.Equal(pyTorch, WeightConversion.ToPyTorchName(keras));
        Assert.Equal(pyTorch, WeightConversion.ToPyTorchName(keras + ":0"));
        Assert.Equal(keras, WeightConversion.ToKerasName(WeightConversion.ToPyTorchName(keras)));
    }

    [Fact]
    public void Distinct_names_stay_distinct()
    {
        string[] pyTorch = ["weight", ".weight", "..weight", "bias", ".bias", "fc1.weight", "fc1..weight", "/.weight"];
        Assert.Equal(pyTorch.Length, pyTorch.Select(WeightConversion.ToKerasName).Distinct(StringComparer.Ordinal).Count());
        string[] keras = ["kernel", "/kernel", "//kernel", "bias", "/bias", "dense/kernel", "dense//kernel", "./kernel"];
        Assert.Equal(keras.Length, keras.Select(WeightConversion.ToPyTorchName).Distinct(StringComparer.Ordinal).Count());
    }

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
