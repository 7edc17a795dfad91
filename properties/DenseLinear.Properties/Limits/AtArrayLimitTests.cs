using System.Numerics.Tensors;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Properties.Limits;

/// <summary>
/// Every entry point at exactly Array.MaxLength elements: the call succeeds and gives the right values. Each test
/// holds one 8 GiB float array (no entry point needs two at this size), so they run alone and release it after.
/// </summary>
[Collection(ArrayLimitCollection.Name)]
[Trait("Category", ArrayLimitCollection.Category)]
public sealed class AtArrayLimitTests : IDisposable
{
    private const int N = 2147483591; // Array.MaxLength = 11 · 195225781

    [Fact]
    public void Array_MaxLength_is_the_limit_these_tests_stand_on() => Assert.Equal(N, Array.MaxLength);

    [Fact]
    public void The_PyTorch_constructor_copies_a_bias_of_Array_MaxLength() =>
        AssertFilled(new LinearLayer<float>(Broadcast.Tensor(1, N, 0), Broadcast.Tensor(0.5f, N)).Bias, N, 0.5f);

    [Fact]
    public void The_Keras_constructor_copies_a_bias_of_Array_MaxLength() =>
        AssertFilled(new DenseLayer<float>(Broadcast.Tensor(1, 0, N), Broadcast.Tensor(0.25f, N)).Bias, N, 0.25f);

    // No input features: Keras' bias is zeros, and torch's bound 1/√0 is taken as 0, so both biases are zeros.
    [Fact]
    public void The_Keras_factory_makes_a_bias_of_Array_MaxLength() => AssertFilled(DenseLayer<float>.Create(0, N, seed: 1).Bias, N, 0f);

    [Fact]
    public void The_PyTorch_factory_draws_a_bias_of_Array_MaxLength() =>
        AssertFilled(LinearLayer<float>.Create(0, N, bias: true, seed: 1).Bias, N, 0f);

    // No input features: every output element is the empty sum, 0.
    [Fact]
    public void PyTorch_forward_gives_an_output_of_Array_MaxLength() =>
        AssertFilled(new LinearLayer<float>(Broadcast.Tensor(1, N, 0)).Forward(Broadcast.Span(1, 1, 0)), N, 0f);

    [Fact]
    public void Keras_forward_gives_an_output_of_Array_MaxLength() =>
        AssertFilled(new DenseLayer<float>(Broadcast.Tensor(1, 0, N)).Forward(Broadcast.Span(1, 1, 0)), N, 0f);

    [Fact]
    public void Forward_writes_a_destination_of_Array_MaxLength_in_place()
    {
        var destination = new float[N];
        destination.AsSpan().Fill(-7f);
        var keras = new DenseLayer<float>(Broadcast.Tensor(1, 0, N));
        keras.Forward(Broadcast.Span(1, 1, 0), new TensorSpan<float>(destination, [1, N]));
        Assert.True(Array.TrueForAll(destination, value => value == 0f));
        destination.AsSpan().Fill(-7f);
        var pyTorch = new LinearLayer<float>(Broadcast.Tensor(1, N, 0));
        pyTorch.Forward(Broadcast.Span(1, 1, 0), new TensorSpan<float>(destination, [1, N]));
        Assert.True(Array.TrueForAll(destination, value => value == 0f));
    }

    // No input features: dX and dW are empty, and the copy of dY has Array.MaxLength elements.
    [Fact]
    public void PyTorch_backward_takes_an_output_gradient_of_Array_MaxLength()
    {
        LayerGradients<float> g = new LinearLayer<float>(Broadcast.Tensor(1, N, 0)).Backward(Broadcast.Span(1, 1, 0), Broadcast.Span(1, 1, N));
        Assert.Equal([N, 0], g.WeightGradient.Lengths.ToArray());
        Assert.Equal([1, 0], g.InputGradient.Lengths.ToArray());
    }

    [Fact]
    public void Keras_backward_takes_an_output_gradient_of_Array_MaxLength()
    {
        LayerGradients<float> g = new DenseLayer<float>(Broadcast.Tensor(1, 0, N)).Backward(Broadcast.Span(1, 1, 0), Broadcast.Span(1, 1, N));
        Assert.Equal([0, N], g.WeightGradient.Lengths.ToArray());
        Assert.Equal([1, 0], g.InputGradient.Lengths.ToArray());
    }

    [Fact]
    public void Transpose_turns_a_row_of_Array_MaxLength_into_a_column()
    {
        Tensor<float> column = WeightConversion.Transpose(Broadcast.Span(3, 1, N));
        Assert.Equal([N, 1], column.Lengths.ToArray());
        // Tensors 10 gives no single span for a trailing length of 1, so the ends and the middle are read one by one.
        foreach (nint row in new nint[] { 0, 1, N / 2, N - 2, N - 1 })
        {
            Assert.Equal(3f, column[row, 0]);
        }
    }

    [Fact]
    public void Composition_gives_a_bias_of_Array_MaxLength()
    {
        // No hidden features: b = W₂·b₁ + b₂ is the empty sum, 0, in each of the Array.MaxLength elements.
        var first = new LinearLayer<float>(Broadcast.Tensor(1, 0, 0), Broadcast.Tensor(1, 0));
        LinearLayer<float> composed = LayerComposition.Compose(first, new LinearLayer<float>(Broadcast.Tensor(1, N, 0)));
        AssertFilled(composed.Bias, N, 0f);
    }

    public void Dispose() => Release();

    private static void Release() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    // Every element is expected: checked in chunks so no second array of this size is made.
    private static void AssertFilled(in ReadOnlyTensorSpan<float> tensor, long count, float expected)
    {
        Assert.Equal(count, tensor.FlattenedLength);
        Assert.True(tensor.TryGetSpan([.. new nint[tensor.Rank]], (int)count, out ReadOnlySpan<float> values), "the values are not one dense span");
        int wrong = values.IndexOfAnyExcept(expected);
        Assert.True(wrong < 0, $"element {wrong} is {(wrong < 0 ? 0 : values[wrong])}, expected {expected}");
    }

    private static void AssertFilled(Tensor<float> tensor, long count, float expected) => AssertFilled(tensor.AsReadOnlyTensorSpan(), count, expected);
}
