using System.Numerics.Tensors;
using DenseLinear.Layers;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// What a forward pass refuses, and how it says so: the input rank each convention demands (Keras min_ndim=2,
/// PyTorch any rank ≥ 1), the input width, the destination's shape, and inputs, outputs or batches too large to count;
/// every message names the shapes, and a refused destination keeps its contents. Strided inputs and destinations
/// give the values of dense ones, and a destination sharing the input's memory the output of a copy of the input.
/// </summary>
public sealed class ForwardArgumentTests
{
    // PyTorch W [out 2, in 3]; Keras K [in 3, units 2], the same map: y = x·Wᵀ + b.
    private static readonly float[] WeightValues = [1, 2, 3, 4, 5, 6];
    private static readonly float[] KernelValues = [1, 4, 2, 5, 3, 6];
    private static readonly float[] BiasValues = [10, 20];

    [Fact]
    public void Keras_requires_rank_2_input_and_says_so()
    {
        DenseLayer<float> keras = Keras();
        ArgumentException rank1 = Assert.Throws<ArgumentException>(() => keras.Forward(Tensor.Create(new float[] { 1, 2, 3 }, [3])));
        Assert.Equal("input", rank1.ParamName);
        Assert.StartsWith("Keras Dense: Keras Dense requires input of rank >= 2 (min_ndim=2), got rank 1 with shape [3].", rank1.Message, StringComparison.Ordinal);

        ArgumentException rank0 = Assert.Throws<ArgumentException>(() => keras.Forward(ReadOnlyTensorSpan<float>.Empty));
        Assert.Contains("requires input of rank >= 2 (min_ndim=2), got rank 0 with shape []", rank0.Message, StringComparison.Ordinal);

        var destination = new float[] { -1, -1 };
        ArgumentException intoDestination = Assert.Throws<ArgumentException>(
            () => keras.Forward(Tensor.Create(new float[] { 1, 2, 3 }, [3]), new TensorSpan<float>(destination, [2])));
        Assert.Contains("min_ndim=2", intoDestination.Message, StringComparison.Ordinal);
        Assert.Equal([-1f, -1f], destination);

        // The same row as a (1, 3) batch is accepted.
        Assert.Equal([1, 2], keras.Forward(Tensor.Create(new float[] { 1, 2, 3 }, [1, 3])).Lengths.ToArray());
    }

    [Fact]
    public void PyTorch_takes_1_D_input_and_refuses_only_rank_0()
    {
        LinearLayer<float> pyTorch = PyTorch();
        Tensor<float> oneD = pyTorch.Forward(Tensor.Create(new float[] { 1, 2, 3 }, [3]));
        Assert.Equal([2], oneD.Lengths.ToArray());
        Assert.Equal([24f, 52f], Matrices.Values(oneD));

        ArgumentException rank0 = Assert.Throws<ArgumentException>(() => pyTorch.Forward(ReadOnlyTensorSpan<float>.Empty));
        Assert.Equal("input", rank0.ParamName);
        Assert.StartsWith("PyTorch Linear: input of rank >= 1 is required, got rank 0.", rank0.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Keras", rank0.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_input_width_names_the_input_shape_and_the_expected_width()
    {
        var input = Tensor.Create(new float[8], [2, 4]);
        ArgumentException pyTorch = Assert.Throws<ArgumentException>(() => PyTorch().Forward(input));
        Assert.Equal("input", pyTorch.ParamName);
        Assert.StartsWith("PyTorch Linear: input [2, 4] has last dimension 4, the layer expects (*, 3).", pyTorch.Message, StringComparison.Ordinal);
        ArgumentException keras = Assert.Throws<ArgumentException>(() => Keras().Forward(input));
        Assert.StartsWith("Keras Dense: input [2, 4] has last dimension 4, the layer expects (*, 3).", keras.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_destination_of_the_wrong_shape_is_named_with_the_shape_the_input_gives_and_left_untouched()
    {
        var input = Tensor.Create(new float[] { 1, 2, 3, 4, 5, 6 }, [1, 2, 3]);
        foreach (IDenseLayer<float> layer in new IDenseLayer<float>[] { PyTorch(), Keras() })
        {
            // Same element count, other shape: the shape is checked, not only the size.
            foreach (nint[] wrong in new nint[][] { [2, 2], [1, 2, 3], [1, 4], [4] })
            {
                var destination = new float[6];
                destination.AsSpan().Fill(-7);
                ArgumentException e = Assert.Throws<ArgumentException>(() => layer.Forward(input, new TensorSpan<float>(destination, wrong)));
                Assert.Equal("destination", e.ParamName);
                Assert.Contains($"destination is {Format(wrong)} but input [1, 2, 3] gives [1, 2, 2].", e.Message, StringComparison.Ordinal);
                Assert.All(destination, v => Assert.Equal(-7f, v));
            }
        }
    }

    [Fact]
    public void A_strided_destination_receives_the_dense_output_and_nothing_between_its_elements()
    {
        var input = Tensor.Create(new float[] { 1, 2, 3, -4, 5, -6, 0.5f, 0.25f, 8 }, [3, 3]);
        foreach (IDenseLayer<float> layer in new IDenseLayer<float>[] { PyTorch(), Keras() })
        {
            float[] expected = Matrices.Values(layer.Forward(input));

            // Rows of 5 elements, the output in the first 2 of each.
            var buffer = new float[15];
            buffer.AsSpan().Fill(-7);
            var destination = new TensorSpan<float>(buffer, [3, 2], [5, 1]);
            Assert.False(destination.IsDense);
            layer.Forward(input, destination);
            for (int row = 0; row < 3; row++)
            {
                Assert.Equal(expected.AsSpan(row * 2, 2).ToArray(), buffer.AsSpan(row * 5, 2).ToArray());
                Assert.All(buffer.AsSpan((row * 5) + 2, 3).ToArray(), v => Assert.Equal(-7f, v));
            }

            // A dense destination gets the same values in place.
            var dense = new float[6];
            layer.Forward(input, new TensorSpan<float>(dense, [3, 2]));
            Assert.Equal(expected, dense);
        }
    }

    [Fact]
    public void A_destination_sharing_the_input_s_memory_gets_the_output_of_a_copy_of_the_input()
    {
        float[] values = [1, 2, 3, -4, 5, -6, 0.5f, 0.25f, 8];
        foreach (IDenseLayer<float> layer in new IDenseLayer<float>[] { PyTorch(), Keras() })
        {
            float[] expected = Matrices.Values(layer.Forward(Tensor.Create((float[])values.Clone(), [3, 3])));

            // The output [3, 2] over the input's first six values, then over values 3..8 (it ends where x ends).
            foreach (int offset in new[] { 0, 3 })
            {
                var buffer = (float[])values.Clone();
                var input = new ReadOnlyTensorSpan<float>(buffer, [3, 3], [3, 1]);
                var destination = new TensorSpan<float>(buffer.AsSpan(offset, 6), [3, 2], [2, 1]);
                layer.Forward(input, destination);
                Assert.Equal(expected, buffer.AsSpan(offset, 6).ToArray());
            }
        }
    }

    [Fact]
    public void A_strided_input_gives_the_output_of_its_dense_copy()
    {
        float[] buffer = [1, 2, 3, 99, 99, -4, 5, -6, 99, 99];
        var strided = new ReadOnlyTensorSpan<float>(buffer, [2, 3], [5, 1]);
        Assert.False(strided.IsDense);
        var dense = Tensor.Create(new float[] { 1, 2, 3, -4, 5, -6 }, [2, 3]);
        foreach (IDenseLayer<float> layer in new IDenseLayer<float>[] { PyTorch(), Keras() })
        {
            Assert.Equal(Matrices.Values(layer.Forward(dense)), Matrices.Values(layer.Forward(strided)));
        }
    }

    [Fact]
    public void An_output_with_more_elements_than_an_array_holds_is_named_before_the_destination_is_looked_at()
    {
        // (65536, 32768, 3), one row repeated in no memory: its output (65536, 32768, 2) has 2³² elements.
        nint[] lengths = [65536, 32768, 3];
        var destination = new float[] { -7, -7 };
        foreach (IDenseLayer<float> layer in new IDenseLayer<float>[] { PyTorch(), Keras() })
        {
            string convention = layer is LinearLayer<float> ? "PyTorch Linear" : "Keras Dense";
            string message = $"{convention}: output [65536, 32768, 2] has more elements than an array holds:";
            ArgumentException allocating = Assert.Throws<ArgumentException>(() => layer.Forward(RepeatedRow([1, 2, 3], lengths)));
            Assert.StartsWith(message, allocating.Message, StringComparison.Ordinal);
            ArgumentException writing = Assert.Throws<ArgumentException>(() => layer.Forward(RepeatedRow([1, 2, 3], lengths), new TensorSpan<float>(destination, [1, 2])));
            Assert.StartsWith(message, writing.Message, StringComparison.Ordinal);
            Assert.Equal([-7f, -7f], destination);
        }
    }

    [Fact]
    public void A_batch_too_large_to_count_is_named_even_when_the_output_is_empty()
    {
        // No output features: the output (65536, 65536, 0) is empty, but its 2³² rows cannot be counted in an int.
        nint[] lengths = [65536, 65536, 2];
        var pyTorch = new LinearLayer<float>(Tensor.Create(Array.Empty<float>(), [0, 2]));
        var keras = new DenseLayer<float>(Tensor.Create(Array.Empty<float>(), [2, 0]));
        ArgumentException p = Assert.Throws<ArgumentException>(() => pyTorch.Forward(RepeatedRow([1, 2], lengths)));
        Assert.StartsWith("PyTorch Linear: batch [65536, 65536] has more elements than an array holds:", p.Message, StringComparison.Ordinal);
        ArgumentException k = Assert.Throws<ArgumentException>(() => keras.Forward(RepeatedRow([1, 2], lengths), new TensorSpan<float>(new float[1], [65536, 65536, 0], [0, 0, 0])));
        Assert.StartsWith("Keras Dense: batch [65536, 65536] has more elements than an array holds:", k.Message, StringComparison.Ordinal);

        // A batch that fits gives the empty output of its shape.
        Assert.Equal([4, 5, 0], pyTorch.Forward(Tensor.Create(new float[40], [4, 5, 2])).Lengths.ToArray());
    }

    [Fact]
    public void An_input_with_more_elements_than_an_array_holds_is_named_even_when_the_output_fits()
    {
        // No output features: the output (65536, 16384, 0) is empty and the 2³⁰ rows count, but the input's 2³² do not.
        nint[] lengths = [65536, 16384, 4];
        var pyTorch = new LinearLayer<float>(Tensor.Create(Array.Empty<float>(), [0, 4]));
        var keras = new DenseLayer<float>(Tensor.Create(Array.Empty<float>(), [4, 0]));
        ArgumentException p = Assert.Throws<ArgumentException>(() => pyTorch.Forward(RepeatedRow([1, 2, 3, 4], lengths)));
        Assert.StartsWith("PyTorch Linear: input [65536, 16384, 4] has more elements than an array holds:", p.Message, StringComparison.Ordinal);
        ArgumentException k = Assert.Throws<ArgumentException>(() => keras.Forward(RepeatedRow([1, 2, 3, 4], lengths), new TensorSpan<float>(new float[1], [65536, 16384, 0], [0, 0, 0])));
        Assert.StartsWith("Keras Dense: input [65536, 16384, 4] has more elements than an array holds:", k.Message, StringComparison.Ordinal);
    }

    private static LinearLayer<float> PyTorch() =>
        new(Tensor.Create((float[])WeightValues.Clone(), [2, 3]), Tensor.Create((float[])BiasValues.Clone(), [2]));

    private static DenseLayer<float> Keras() =>
        new(Tensor.Create((float[])KernelValues.Clone(), [3, 2]), Tensor.Create((float[])BiasValues.Clone(), [2]));

    // A tensor of the given lengths whose every row is row: zero strides on the leading dimensions, no memory.
    private static ReadOnlyTensorSpan<float> RepeatedRow(float[] row, nint[] lengths)
    {
        var strides = new nint[lengths.Length];
        strides[^1] = 1;
        return new ReadOnlyTensorSpan<float>(row, lengths, strides);
    }

    private static string Format(nint[] lengths) => "[" + string.Join(", ", lengths) + "]";
}
