using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// Keras' activations as documented on <see cref="Activation"/>, elementwise and in place, on values that hit every
/// branch: negative, ±0, positive, NaN, ±∞.
/// </summary>
public sealed class ActivationTests
{
    private static readonly double[] Inputs = [-3.5, -1, -0.0, 0, 0.25, 2, 40, double.NaN, double.NegativeInfinity, double.PositiveInfinity];

    [Fact]
    public void Linear_is_the_identity()
    {
        double[] values = [.. Inputs];
        ActivationFunctions.Apply(Activation.Linear, values.AsSpan());
        Assert.Equal(Inputs, values);
    }

    [Fact]
    public void Relu_is_max_of_v_and_zero_and_keeps_NaN()
    {
        double[] values = [.. Inputs];
        ActivationFunctions.Apply(Activation.Relu, values.AsSpan());
        Assert.Equal([0, 0, 0, 0, 0.25, 2, 40, double.NaN, 0, double.PositiveInfinity], values);

        float[] floats = [-2f, float.NaN, 3f];
        ActivationFunctions.Apply(Activation.Relu, floats.AsSpan());
        Assert.Equal([0f, float.NaN, 3f], floats);
    }

    [Fact]
    public void Relu_is_bitwise_the_IEEE_maximum_of_v_and_zero_so_minus_zero_gives_plus_zero()
    {
        // max(v, 0) as .NET (IEEE 754-2019 maximum) defines it: −0 < +0, so relu(−0) is +0, not −0.
        double[] values = [.. Inputs];
        ActivationFunctions.Apply(Activation.Relu, values.AsSpan());
        for (int i = 0; i < Inputs.Length; i++)
        {
            double expected = double.IsNaN(Inputs[i]) ? Inputs[i] : double.Max(Inputs[i], 0);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(values[i]));
        }

        float[] floats = [-0f, 0f];
        ActivationFunctions.Apply(Activation.Relu, floats.AsSpan());
        Assert.False(float.IsNegative(floats[0]));
        Assert.False(float.IsNegative(floats[1]));
    }

    [Fact]
    public void Sigmoid_is_one_over_one_plus_exp_of_minus_v()
    {
        double[] values = [.. Inputs];
        ActivationFunctions.Apply(Activation.Sigmoid, values.AsSpan());
        Assert.Equal([.. Inputs.Select(v => 1 / (1 + Math.Exp(-v)))], values);
        Assert.Equal(0.5, values[2]);
        Assert.Equal(0, values[8]);
        Assert.Equal(1, values[9]);
    }

    [Fact]
    public void Tanh_is_tanh()
    {
        double[] values = [.. Inputs];
        ActivationFunctions.Apply(Activation.Tanh, values.AsSpan());
        Assert.Equal([.. Inputs.Select(Math.Tanh)], values);
    }

    [Fact]
    public void An_undefined_activation_is_rejected()
    {
        double[] values = [1];
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => ActivationFunctions.Apply((Activation)9, values.AsSpan()));
        Assert.Equal("activation", e.ParamName);
        Assert.Contains("Undefined activation", e.Message, StringComparison.Ordinal);
        Assert.Equal([1.0], values);
    }

    [Theory]
    [InlineData(null, Activation.Linear)]
    [InlineData("linear", Activation.Linear)]
    [InlineData("None", Activation.Linear)]
    [InlineData("relu", Activation.Relu)]
    [InlineData("sigmoid", Activation.Sigmoid)]
    [InlineData("tanh", Activation.Tanh)]
    [InlineData("softmax", Activation.Softmax)]
    [InlineData("gelu", Activation.Gelu)]
    public void Keras_names_parse(string? name, Activation expected) => Assert.Equal(expected, ActivationFunctions.Parse(name));

    [Theory]
    [InlineData("")]
    [InlineData("Relu")]
    [InlineData("selu")]
    public void Other_names_are_rejected_by_name(string name)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => ActivationFunctions.Parse(name));
        Assert.StartsWith($"Unknown Keras activation '{name}'.", e.Message, StringComparison.Ordinal);
        Assert.Equal("kerasName", e.ParamName);
    }
}
