using DenseLinear.Accuracy;
using DenseLinear.Initialization;
using DenseLinear.IO;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Properties.Limits;

/// <summary>
/// Every entry point at Array.MaxLength + 1 and at int.MaxValue elements: an <see cref="ArgumentException"/> naming
/// the shape, never an <see cref="OutOfMemoryException"/>, and nothing written. Layers of n output features and no
/// input features hold no weights, so these n are free to reach; the inputs are zero-stride views.
/// </summary>
public sealed class PastArrayLimitTests
{
    private const string PastLimit = "has more elements than an array holds:";

    [Theory]
    [InlineData(Broadcast.PastMaxLength)]
    [InlineData(int.MaxValue)]
    public void Layer_constructors_refuse_a_bias_or_a_weight_past_the_limit(int n)
    {
        AssertNamed($"PyTorch Linear: bias [{n}]", "bias", () => new LinearLayer<float>(Broadcast.Tensor(1, n, 0), Broadcast.Tensor(1, n)));
        AssertNamed($"Keras Dense: bias [{n}]", "bias", () => new DenseLayer<float>(Broadcast.Tensor(1, 0, n), Broadcast.Tensor(1, n)));
        AssertNamed($"PyTorch Linear: weight [{n}, 1]", "weight", () => new LinearLayer<float>(Broadcast.Tensor(1, n, 1)));
        AssertNamed($"Keras Dense: kernel [1, {n}]", "kernel", () => new DenseLayer<float>(Broadcast.Tensor(1, 1, n)));
    }

    [Theory]
    [InlineData(Broadcast.PastMaxLength)]
    [InlineData(int.MaxValue)]
    public void Factories_refuse_a_bias_or_a_weight_past_the_limit(int n)
    {
        AssertNamed($"Vector [{n}]", "length", () => LinearLayer<float>.Create(0, n, bias: true, seed: 1));
        AssertNamed($"Weight [{n}, 1]", null, () => LinearLayer<float>.Create(1, n, bias: false, seed: 1));
        AssertNamed($"Keras Dense: bias [{n}]", "units", () => DenseLayer<float>.Create(0, n, seed: 1));
        AssertNamed($"Weight [1, {n}]", null, () => DenseLayer<float>.Create(1, n, seed: 1, useBias: false));
        AssertNamed($"Vector [{n}]", "length", () => WeightInitializer.Zeros.CreateVector<float>(n, 1, 1, new Random(1)));
    }

    [Theory]
    [InlineData(Broadcast.PastMaxLength)]
    [InlineData(int.MaxValue)]
    public void Forward_refuses_an_output_past_the_limit_and_leaves_the_destination(int n)
    {
        // Weight [n, 0] is empty, so the layer exists; its output on one row has n elements.
        foreach (IDenseLayer<float> layer in Layers(n))
        {
            string convention = layer is LinearLayer<float> ? "PyTorch Linear" : "Keras Dense";
            AssertNamed($"{convention}: output [1, {n}]", "input", () => layer.Forward(Broadcast.Span(1, 1, 0)));
            float[] cell = [-7f];
            AssertNamed($"{convention}: output [1, {n}]", "input", () => layer.Forward(Broadcast.Span(1, 1, 0), Broadcast.Destination(cell, 1, n)));
            Assert.Equal(-7f, cell[0]);
        }

        // With no output columns the output is empty, and it is the batch that cannot be counted.
        var noOutputs = new LinearLayer<float>(Broadcast.Tensor(1, 0, 0));
        AssertNamed($"PyTorch Linear: batch [{n}]", "input", () => noOutputs.Forward(Broadcast.Span(1, n, 0)));
        var kerasNoOutputs = new DenseLayer<float>(Broadcast.Tensor(1, 0, 0));
        AssertNamed($"Keras Dense: batch [{n}]", "input", () => kerasNoOutputs.Forward(Broadcast.Span(1, n, 0)));
    }

    [Theory]
    [InlineData(Broadcast.PastMaxLength)]
    [InlineData(int.MaxValue)]
    public void Backward_refuses_an_input_or_the_output_it_gives_past_the_limit_as_the_forward_pass_does(int n)
    {
        var noInputs = new LinearLayer<float>(Broadcast.Tensor(1, n, 0));
        AssertNamed($"PyTorch Linear: output [1, {n}]", "input", () => noInputs.Backward(Broadcast.Span(1, 1, 0), Broadcast.Span(1, 1, n)));
        var kerasNoInputs = new DenseLayer<float>(Broadcast.Tensor(1, 0, n));
        AssertNamed($"Keras Dense: output [1, {n}]", "input", () => kerasNoInputs.Backward(Broadcast.Span(1, 1, 0), Broadcast.Span(1, 1, n)));

        var noOutputs = new LinearLayer<float>(Broadcast.Tensor(1, 0, n));
        AssertNamed($"PyTorch Linear: input [1, {n}]", "input", () => noOutputs.Backward(Broadcast.Span(1, 1, n), Broadcast.Span(1, 1, 0)));
        var kerasNoOutputs = new DenseLayer<float>(Broadcast.Tensor(1, n, 0));
        AssertNamed($"Keras Dense: input [1, {n}]", "input", () => kerasNoOutputs.Backward(Broadcast.Span(1, 1, n), Broadcast.Span(1, 1, 0)));
    }

    [Theory]
    [InlineData(Broadcast.PastMaxLength)]
    [InlineData(int.MaxValue)]
    public void Transpose_and_tensor_copies_refuse_a_matrix_past_the_limit(int n)
    {
        AssertNamed($"weight [1, {n}]", "matrix", () => WeightConversion.Transpose(Broadcast.Span(1, 1, n)));
        AssertNamed($"weight [{n}, 1]", "matrix", () => WeightConversion.Transpose(Broadcast.Span(1, n, 1)));
        AssertNamed($"Tensor [{n}]", "tensor", () => StoredTensor.FromTensor(Broadcast.Span(1, n)));

        // An empty [n, 0] transposes to an empty [0, n] whatever n is.
        Assert.Equal([0, n], WeightConversion.Transpose(Broadcast.Span(1, n, 0)).Lengths.ToArray());
    }

    [Theory]
    [InlineData(Broadcast.PastMaxLength)]
    [InlineData(int.MaxValue)]
    public void Conversions_keep_an_empty_weight_of_any_width_and_its_forward_pass_is_refused(int n)
    {
        // [n, 0] holds nothing, so both conventions can carry it; it is the forward pass that cannot be held.
        DenseLayer<float> keras = WeightConversion.ToKeras(new LinearLayer<float>(Broadcast.Tensor(1, n, 0)));
        Assert.Equal((0, n), (keras.InFeatures, keras.Units));
        LinearLayer<float> pyTorch = WeightConversion.ToPyTorch(keras);
        Assert.Equal((0, n), (pyTorch.InFeatures, pyTorch.OutFeatures));
        AssertNamed($"Keras Dense: output [1, {n}]", "input", () => keras.Forward(Broadcast.Span(1, 1, 0)));
        AssertNamed($"PyTorch Linear: output [1, {n}]", "input", () => pyTorch.Forward(Broadcast.Span(1, 1, 0)));
    }

    [Theory]
    [InlineData(Broadcast.PastMaxLength)]
    [InlineData(int.MaxValue)]
    public void Composition_refuses_a_composed_weight_or_bias_past_the_limit(int n)
    {
        // No hidden features: both weights are empty, the composed [n, 1] is not, and neither is a composed bias [n].
        var first = new LinearLayer<float>(Broadcast.Tensor(1, 0, 1));
        var second = new LinearLayer<float>(Broadcast.Tensor(1, n, 0));
        AssertNamed($"PyTorch Linear: the composed weight [{n}, 1]", null, () => LayerComposition.Compose(first, second));
        var firstWithBias = new LinearLayer<float>(Broadcast.Tensor(1, 0, 0), Broadcast.Tensor(1, 0));
        AssertNamed($"the composed bias [{n}]", null, () => LayerComposition.Compose(firstWithBias, second));

        var kerasFirst = new DenseLayer<float>(Broadcast.Tensor(1, 1, 0));
        var kerasSecond = new DenseLayer<float>(Broadcast.Tensor(1, 0, n));
        AssertNamed($"Keras Dense: the composed kernel [1, {n}]", null, () => LayerComposition.Compose(kerasFirst, kerasSecond));
    }

    [Theory]
    [InlineData(Broadcast.PastMaxLength)]
    [InlineData(int.MaxValue)]
    public void The_exact_reference_refuses_a_product_past_the_limit(int n)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(
            () => ExactReference<float>.Multiply(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty, 1, 0, n, WeightLayout.InOut));
        Assert.StartsWith($"the reference product y [1×{n}] {PastLimit}", e.Message, StringComparison.Ordinal);
    }

    private static IDenseLayer<float>[] Layers(int n) =>
        [new LinearLayer<float>(Broadcast.Tensor(1, n, 0)), new DenseLayer<float>(Broadcast.Tensor(1, 0, n))];

    private static void AssertNamed(string subject, string? parameter, Action call)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(call);
        Assert.StartsWith($"{subject} {PastLimit}", e.Message, StringComparison.Ordinal);
        if (parameter is not null)
        {
            Assert.Equal(parameter, e.ParamName);
        }
    }

    private static void AssertNamed(string subject, string? parameter, Func<object> call) => AssertNamed(subject, parameter, () => { _ = call(); });
}
