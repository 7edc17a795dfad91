using System.Numerics.Tensors;
using DenseLinear.Kernels;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// <see cref="SequentialLayers{T}.Forward"/> is the chain of its Linear layers with the hidden activation between:
/// bitwise the same as running the layers by hand, and as the Keras-convention Dense chain (same kernel, so the same
/// chains of multiply-adds); a 1-D input is one row; bad models and inputs are refused by name.
/// </summary>
public sealed class SequentialForwardTests
{
    private static readonly float[] X = [0.5f, -1.25f, 2f, 0.75f, -0.5f, 1.5f, -2f, 0.25f, 1f, -0.75f];

    [Fact]
    public void Forward_is_the_linear_chain_with_the_hidden_activation_between_and_equals_the_dense_chain()
    {
        SequentialLayers<float> model = Model(Activation.Relu);
        Tensor<float> input = Tensor.Create(X, [2, 5]);

        float[] byHand = Flat(model.Linear[0].Forward(input));
        ActivationFunctions.Apply(Activation.Relu, byHand);
        byHand = Flat(model.Linear[1].Forward(Tensor.Create(byHand, [2, 4])));
        byHand = Flat(model.Linear[2].Forward(Tensor.Create(byHand.Select(v => MathF.Max(v, 0)).ToArray(), [2, 3])));
        float[] dense = Flat(model.Dense[2].Forward(model.Dense[1].Forward(model.Dense[0].Forward(input))));
        Tensor<float> output = model.Forward(input);

        Assert.Equal([2, 2], output.Lengths.ToArray());
        Assert.Equal(byHand, Flat(output));
        Assert.Equal(dense, Flat(output));
        Assert.NotEqual(Flat(Model(Activation.Linear).Forward(input)), Flat(output));
    }

    [Fact]
    public void A_one_dimensional_input_is_one_row_as_in_pytorch()
    {
        SequentialLayers<float> model = Model(Activation.Tanh);
        Tensor<float> row = model.Forward(Tensor.Create(X[..5], [5]));
        Assert.Equal([2], row.Lengths.ToArray());
        Assert.Equal(Flat(model.Forward(Tensor.Create(X, [2, 5])))[..2], Flat(row));
    }

    [Fact]
    public void An_input_of_the_wrong_width_is_refused_naming_the_shapes()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Model(Activation.Relu).Forward(Tensor.Create(X, [5, 2])));
        Assert.Contains("input [5, 2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_layers_or_with_unmatched_lists_is_refused()
    {
        SequentialLayers<float> model = Model(Activation.Relu);
        var empty = new SequentialLayers<float>([], [], [], []);
        Assert.Throws<InvalidOperationException>(() => empty.Forward(Tensor.Create(X, [2, 5])));
        var unmatched = model with { Dense = [.. model.Dense.Take(2)] };
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => unmatched.Forward(Tensor.Create(X, [2, 5])));
        Assert.Contains("3 Linear and 2 Dense", e.Message, StringComparison.Ordinal);
    }

    // 5 → 4 → 3 → 2, weights of mixed signs so the activation matters, through the loader's own conversion.
    private static SequentialLayers<float> Model(Activation hidden)
    {
        int[] widths = [5, 4, 3, 2];
        var linear = new List<LinearLayer<float>>();
        for (int i = 0; i < 3; i++)
        {
            int fanIn = widths[i], fanOut = widths[i + 1];
            float[] weight = [.. Enumerable.Range(0, fanIn * fanOut).Select(j => ((j * 7 % 11) - 5) / 4f)];
            float[] bias = [.. Enumerable.Range(0, fanOut).Select(j => (j - 1) / 8f)];
            linear.Add(new LinearLayer<float>(Tensor.Create(weight, [fanOut, fanIn]), Tensor.Create(bias, [fanOut]), PackedKernel<float>.Instance));
        }

        var dense = linear.Select((l, i) => new DenseLayer<float>(WeightConversion.Transpose(l.Weight), Tensor.Create(Flat(l.Bias), [l.OutFeatures]), i < 2 ? hidden : Activation.Linear, l.MatMulKernel)).ToList();
        return new SequentialLayers<float>([0, 2, 4], linear, ["dense", "dense_1", "dense_2"], dense);
    }

    private static float[] Flat(ReadOnlyTensorSpan<float> tensor)
    {
        var values = new float[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }
}
