using DenseLinear.Accuracy;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// <see cref="ActivationFunctions.Backward{T}"/>, dZ = J(z)ᵀ·dY, on values where each documented derivative is exact
/// (linear dY; relu dY where z &gt; 0; sigmoid dY·y(1 − y); tanh dY·(1 − y²); softmax yⱼ·(dYⱼ − Σ yᵢ·dYᵢ) per row), GELU's
/// Φ(z) + z·φ(z) against 30-digit values, and the refusals of spans that do not agree or do not make rows.
/// </summary>
public sealed class ActivationBackwardTests
{
    [Fact]
    public void Linear_passes_the_gradient_through_and_relu_only_where_z_is_positive()
    {
        float[] z = [-2, -0f, 0, 0.5f, 3, float.NaN];
        float[] gradient = [1, 2, 3, 4, 5, 6];
        ActivationFunctions.Backward<float>(Activation.Linear, z, z, gradient, 6);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], gradient);

        float[] y = (float[])z.Clone();
        ActivationFunctions.Apply(Activation.Relu, y.AsSpan());
        ActivationFunctions.Backward<float>(Activation.Relu, z, y, gradient, 6);

        // TensorFlow's choice: the gradient at z = 0 is 0; a NaN z passes nothing.
        Assert.Equal([0f, 0f, 0f, 4f, 5f, 0f], gradient);
    }

    [Fact]
    public void Sigmoid_and_tanh_use_the_output_y()
    {
        // σ(0) = 1/2 and σ(−ln 3) = 1/4: y(1 − y) = 1/4 and 3/16.
        float[] z = [0, -MathF.Log(3)];
        float[] gradient = [4, 2];
        ActivationFunctions.Backward<float>(Activation.Sigmoid, z, [0.5f, 0.25f], gradient, 2);
        Assert.Equal([1f, 0.375f], gradient);

        // tanh: 1 − y² for y = 1/2 and y = −1/4.
        gradient = [4, 16];
        ActivationFunctions.Backward<float>(Activation.Tanh, [MathF.Atanh(0.5f), MathF.Atanh(-0.25f)], [0.5f, -0.25f], gradient, 2);
        Assert.Equal([3f, 15f], gradient);
    }

    [Fact]
    public void Softmax_is_the_Jacobian_vector_product_of_each_row_alone()
    {
        // Row 1: y = (1/2, 1/2), dY = (1, 3), Σ y·dY = 2. Row 2: y = (1/4, 3/4), dY = (4, 0), Σ y·dY = 1.
        double[] y = [0.5, 0.5, 0.25, 0.75];
        double[] gradient = [1, 3, 4, 0];
        ActivationFunctions.Backward<double>(Activation.Softmax, [0, 0, 0, Math.Log(3)], y, gradient, 2);
        Assert.Equal([-0.5, 0.5, 0.75, -0.75], gradient);
    }

    [Theory]
    [InlineData(0.5, "0.867495124656162842525044831407")]
    [InlineData(-0.5, "0.132504875343837157474955168593")]
    [InlineData(1, "1.08331547058768629838306273857")]
    [InlineData(-1, "-0.0833154705876862983830627385676")]
    [InlineData(3, "1.01194564720418392700015524332")]
    [InlineData(-3, "-0.0119456472041839270001552433208")]
    [InlineData(-10, "-7.61840009646481408567930014753e-22")]
    public void Gelu_derivative_is_phi_plus_z_times_the_density(double z, string exact)
    {
        // Computed in double and rounded once to float, as the forward GELU: within its ErrorBound.Activation.
        double reference = double.Parse(exact, System.Globalization.CultureInfo.InvariantCulture);
        float[] gradient = [1];
        ActivationFunctions.Backward<float>(Activation.Gelu, [(float)z], [0], gradient, 1);
        Assert.InRange(Math.Abs(gradient[0] - reference), 0, ErrorBound.Activation<float>(Activation.Gelu, reference));
    }

    [Fact]
    public void Gelu_derivative_is_one_half_at_zero_and_tends_to_zero_and_one()
    {
        Assert.Equal(0.5, ActivationFunctions.GeluDerivative(0));
        Assert.Equal(1, ActivationFunctions.GeluDerivative(40));
        Assert.Equal(0, ActivationFunctions.GeluDerivative(-40));
    }

    [Fact]
    public void Spans_that_do_not_agree_in_length_are_refused_with_the_three_lengths()
    {
        float[] gradient = [1, 2, 3];
        ArgumentException shortZ = Assert.Throws<ArgumentException>(() => ActivationFunctions.Backward<float>(Activation.Relu, new float[2], new float[3], gradient, 1));
        Assert.Equal("gradient", shortZ.ParamName);
        Assert.StartsWith("z has 2, y 3 and dY 3 elements; they must agree.", shortZ.Message, StringComparison.Ordinal);
        ArgumentException shortY = Assert.Throws<ArgumentException>(() => ActivationFunctions.Backward<float>(Activation.Relu, new float[3], new float[4], gradient, 1));
        Assert.StartsWith("z has 3, y 4 and dY 3 elements; they must agree.", shortY.Message, StringComparison.Ordinal);
        Assert.Equal([1f, 2f, 3f], gradient);
    }

    [Fact]
    public void A_row_length_that_does_not_divide_the_gradient_is_refused()
    {
        float[] gradient = [1, 2, 3];
        ArgumentException e = Assert.Throws<ArgumentException>(() => ActivationFunctions.Backward<float>(Activation.Softmax, new float[3], new float[3], gradient, 2));
        Assert.Equal("rowLength", e.ParamName);
        Assert.StartsWith("A span of 3 elements is not made of rows of 2.", e.Message, StringComparison.Ordinal);
        Assert.Equal([1f, 2f, 3f], gradient);
    }

    [Fact]
    public void An_undefined_activation_is_refused_by_value()
    {
        float[] gradient = [1];
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => ActivationFunctions.Backward<float>((Activation)9, new float[1], new float[1], gradient, 1));
        Assert.Equal("activation", e.ParamName);
        Assert.Equal((Activation)9, e.ActualValue);
        Assert.StartsWith("Undefined activation.", e.Message, StringComparison.Ordinal);
    }
}
