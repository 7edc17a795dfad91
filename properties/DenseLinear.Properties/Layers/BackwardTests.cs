using System.Numerics.Tensors;
using DenseLinear.Layers;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// The backward pass on small integer cases whose gradients are exact (every product and sum is an integer far below
/// 2²⁴): dX = dY'·W, dW = dY'ᵀ·X [out, in], dK = Xᵀ·dY' [in, units], db = Σ dY' over every leading dimension, each
/// shaped like what it is the gradient of; and what it refuses, with messages that name the shapes.
/// </summary>
public sealed class BackwardTests
{
    // PyTorch W [out 2, in 3]; Keras K = Wᵀ [in 3, units 2]: the same map.
    private static readonly float[] WeightValues = [1, 2, 3, 4, 5, 6];
    private static readonly float[] KernelValues = [1, 4, 2, 5, 3, 6];

    // X (1, 2, 3) and dY (1, 2, 2): a 3-D batch of two rows.
    private static readonly float[] InputValues = [1, 0, -1, 2, 1, 0];
    private static readonly float[] OutputGradientValues = [1, 2, -1, 3];

    [Fact]
    public void Linear_gradients_are_the_exact_products_in_each_convention_s_layout()
    {
        LayerGradients<float> pyTorch = PyTorch([10, 20]).Backward(Input(), OutputGradient());
        LayerGradients<float> keras = Keras([10, 20], Activation.Linear).Backward(Input(), OutputGradient());
        foreach (LayerGradients<float> g in new[] { pyTorch, keras })
        {
            // dX = dY·W: rows 1·(1, 2, 3) + 2·(4, 5, 6) and −1·(1, 2, 3) + 3·(4, 5, 6).
            Assert.Equal([1, 2, 3], g.InputGradient.Lengths.ToArray());
            Assert.Equal([9f, 12f, 15f, 11f, 13f, 15f], Matrices.Values(g.InputGradient));

            // db = Σ over the rows of dY: (1 − 1, 2 + 3).
            Assert.NotNull(g.BiasGradient);
            Assert.Equal([2], g.BiasGradient.Lengths.ToArray());
            Assert.Equal([0f, 5f], Matrices.Values(g.BiasGradient));
        }

        // dW = dYᵀ·X [out 2, in 3]; dK = Xᵀ·dY [in 3, units 2] = dWᵀ.
        Assert.Equal([2, 3], pyTorch.WeightGradient.Lengths.ToArray());
        Assert.Equal([-1f, -1f, -1f, 8f, 3f, -2f], Matrices.Values(pyTorch.WeightGradient));
        Assert.Equal([3, 2], keras.WeightGradient.Lengths.ToArray());
        Assert.Equal([-1f, 8f, -1f, 3f, -1f, -2f], Matrices.Values(keras.WeightGradient));
    }

    [Fact]
    public void Keras_relu_masks_the_gradient_where_the_biased_pre_activation_is_not_positive()
    {
        // z = X·K + b with b = (3, 0): rows (1, −2) and (7, 13). Without the bias the first would be (−2, −2), so the
        // mask [[1, 0], [1, 1]] shows that the bias is part of z.
        LayerGradients<float> g = Keras([3, 0], Activation.Relu).Backward(Input(), OutputGradient());

        // dY' = dY masked: (1, 0), (−1, 3).
        Assert.Equal([1f, 2f, 3f, 11f, 13f, 15f], Matrices.Values(g.InputGradient));
        Assert.Equal([-1f, 6f, -1f, 3f, -1f, 0f], Matrices.Values(g.WeightGradient));
        Assert.Equal([0f, 3f], Matrices.Values(g.BiasGradient!));
    }

    [Fact]
    public void Without_a_bias_there_is_no_bias_gradient()
    {
        Assert.Null(PyTorch(null).Backward(Input(), OutputGradient()).BiasGradient);
        LayerGradients<float> keras = Keras(null, Activation.Relu).Backward(Input(), OutputGradient());
        Assert.Null(keras.BiasGradient);

        // Unbiased z: rows (−2, −2) and (4, 13); only the second row passes.
        Assert.Equal([0f, 0f, 0f, 11f, 13f, 15f], Matrices.Values(keras.InputGradient));
    }

    [Fact]
    public void PyTorch_takes_a_1_D_input_and_its_1_D_output_gradient()
    {
        LayerGradients<float> g = PyTorch([10, 20]).Backward(Tensor.Create(new float[] { 1, 0, -1 }, [3]), Tensor.Create(new float[] { 1, 2 }, [2]));
        Assert.Equal([3], g.InputGradient.Lengths.ToArray());
        Assert.Equal([9f, 12f, 15f], Matrices.Values(g.InputGradient));
        Assert.Equal([1f, 0f, -1f, 2f, 0f, -2f], Matrices.Values(g.WeightGradient));
        Assert.Equal([1f, 2f], Matrices.Values(g.BiasGradient!));
    }

    [Fact]
    public void An_empty_batch_gives_zero_parameter_gradients_of_the_layer_s_shapes()
    {
        var input = Tensor.Create(Array.Empty<float>(), [0, 3]);
        var outputGradient = Tensor.Create(Array.Empty<float>(), [0, 2]);
        foreach ((IDenseLayer<float> layer, nint[] weightShape) in new (IDenseLayer<float>, nint[])[]
        {
            (PyTorch([10, 20]), [2, 3]),
            (Keras([10, 20], Activation.Sigmoid), [3, 2]),
        })
        {
            LayerGradients<float> g = Backward(layer, input, outputGradient);
            Assert.Equal([0, 3], g.InputGradient.Lengths.ToArray());
            Assert.Equal(weightShape, g.WeightGradient.Lengths.ToArray());
            Assert.All(Matrices.Values(g.WeightGradient), v => Assert.Equal(0f, v));
            Assert.Equal([0f, 0f], Matrices.Values(g.BiasGradient!));
        }
    }

    [Fact]
    public void An_input_that_does_not_fit_gets_the_forward_pass_message_naming_the_shape_and_rank()
    {
        var wide = Tensor.Create(new float[8], [2, 4]);
        var gradient = Tensor.Create(new float[4], [2, 2]);
        ArgumentException pyTorch = Assert.Throws<ArgumentException>(() => PyTorch([10, 20]).Backward(wide, gradient));
        Assert.Equal("input", pyTorch.ParamName);
        Assert.StartsWith("PyTorch Linear: input [2, 4] has last dimension 4, the layer expects (*, 3).", pyTorch.Message, StringComparison.Ordinal);
        ArgumentException keras = Assert.Throws<ArgumentException>(() => Keras([10, 20], Activation.Linear).Backward(wide, gradient));
        Assert.Equal("input", keras.ParamName);
        Assert.StartsWith("Keras Dense: input [2, 4] has last dimension 4, the layer expects (*, 3).", keras.Message, StringComparison.Ordinal);

        // The right width at too low a rank: Keras' min_ndim=2, PyTorch's rank 0.
        ArgumentException rank1 = Assert.Throws<ArgumentException>(
            () => Keras([10, 20], Activation.Linear).Backward(Tensor.Create(new float[3], [3]), Tensor.Create(new float[2], [2])));
        Assert.StartsWith("Keras Dense: Keras Dense requires input of rank >= 2 (min_ndim=2), got rank 1 with shape [3].", rank1.Message, StringComparison.Ordinal);
        ArgumentException rank0 = Assert.Throws<ArgumentException>(
            () => PyTorch([10, 20]).Backward(ReadOnlyTensorSpan<float>.Empty, ReadOnlyTensorSpan<float>.Empty));
        Assert.StartsWith("PyTorch Linear: input of rank >= 1 is required, got rank 0.", rank0.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_gradient_of_the_wrong_shape_is_named_with_the_output_the_input_gives()
    {
        var input = Tensor.Create((float[])InputValues.Clone(), [2, 3]);
        foreach (IDenseLayer<float> layer in new IDenseLayer<float>[] { PyTorch([10, 20]), Keras([10, 20], Activation.Linear) })
        {
            string convention = layer is LinearLayer<float> ? "PyTorch Linear" : "Keras Dense";

            // The input's shape (in ≠ out), the transposed output (same element count) and a flattened one.
            foreach (nint[] wrong in new nint[][] { [2, 3], [2, 2, 1], [1, 4], [4] })
            {
                var gradient = Tensor.Create(new float[(int)wrong.Aggregate((a, b) => a * b)], wrong);
                ArgumentException e = Assert.Throws<ArgumentException>(() => Backward(layer, input, gradient));
                Assert.Equal("outputGradient", e.ParamName);
                Assert.StartsWith(
                    $"{convention}: the output gradient is [{string.Join(", ", wrong)}] but input [2, 3] gives output [2, 2].", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_batch_too_large_to_count_is_named()
    {
        // No output features: dY (65536, 65536, 0) is empty, but the 2³² rows of X cannot be counted in an int.
        var pyTorch = new LinearLayer<float>(Tensor.Create(Array.Empty<float>(), [0, 2]));
        ArgumentException e = Assert.Throws<ArgumentException>(() => pyTorch.Backward(
            new ReadOnlyTensorSpan<float>([1, 2], [65536, 65536, 2], [0, 0, 1]),
            new ReadOnlyTensorSpan<float>(new float[1], [65536, 65536, 0], [0, 0, 0])));
        Assert.StartsWith("PyTorch Linear: batch [65536, 65536] has more elements than an array holds:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_or_the_output_it_gives_with_more_elements_than_an_array_holds_is_named()
    {
        // 2³⁰ rows count in an int; 4 features of them do not. Zero strides: one row repeated, in no memory.
        var noOutputs = new LinearLayer<float>(Tensor.Create(Array.Empty<float>(), [0, 4]));
        ArgumentException input = Assert.Throws<ArgumentException>(() => noOutputs.Backward(
            new ReadOnlyTensorSpan<float>([1, 2, 3, 4], [65536, 16384, 4], [0, 0, 1]),
            new ReadOnlyTensorSpan<float>(new float[1], [65536, 16384, 0], [0, 0, 0])));
        Assert.StartsWith("PyTorch Linear: input [65536, 16384, 4] has more elements than an array holds:", input.Message, StringComparison.Ordinal);

        var noInputs = new DenseLayer<float>(Tensor.Create(Array.Empty<float>(), [0, 4]));
        ArgumentException gradient = Assert.Throws<ArgumentException>(() => noInputs.Backward(
            new ReadOnlyTensorSpan<float>(new float[1], [65536, 16384, 0], [0, 0, 0]),
            new ReadOnlyTensorSpan<float>([1, 2, 3, 4], [65536, 16384, 4], [0, 0, 1])));
        Assert.StartsWith("Keras Dense: output [65536, 16384, 4] has more elements than an array holds:", gradient.Message, StringComparison.Ordinal);
    }

    private static LayerGradients<float> Backward(IDenseLayer<float> layer, Tensor<float> input, Tensor<float> gradient) =>
        layer is LinearLayer<float> linear ? linear.Backward(input, gradient) : ((DenseLayer<float>)layer).Backward(input, gradient);

    private static LinearLayer<float> PyTorch(float[]? bias) =>
        new(Tensor.Create((float[])WeightValues.Clone(), [2, 3]), bias is null ? null : Tensor.Create(bias, [2]));

    private static DenseLayer<float> Keras(float[]? bias, Activation activation) =>
        new(Tensor.Create((float[])KernelValues.Clone(), [3, 2]), bias is null ? null : Tensor.Create(bias, [2]), activation);

    private static Tensor<float> Input() => Tensor.Create((float[])InputValues.Clone(), [1, 2, 3]);

    private static Tensor<float> OutputGradient() => Tensor.Create((float[])OutputGradientValues.Clone(), [1, 2, 2]);
}
