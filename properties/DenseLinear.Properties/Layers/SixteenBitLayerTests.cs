using System.Numerics.Tensors;
using DenseLinear.IO;
using DenseLinear.Kernels;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// A float layer that keeps bfloat16 or float16 weights (<c>FromSixteenBit</c>) computes, bit for bit, what the float
/// layer on the exactly widened weights computes with the packed kernel, forward and backward, while its weight stays
/// 16-bit; LayerWeightFiles builds such layers from 16-bit files; bad weights are refused by name.
/// </summary>
public sealed class SixteenBitLayerTests
{
    [Theory]
    [InlineData(TensorDType.BFloat16)]
    [InlineData(TensorDType.Float16)]
    public void A_sixteen_bit_PyTorch_layer_equals_the_float_layer_on_the_widened_weights(TensorDType dtype)
    {
        var random = new Random(41);
        foreach ((int batch, int inFeatures, int outFeatures) in new[] { (1, 7, 5), (3, 40, 33), (17, 129, 70), (1, 300, 64) })
        {
            StoredTensor weight = Sixteen(random, dtype, outFeatures, inFeatures);
            StoredTensor bias = Sixteen(random, dtype, outFeatures);
            LinearLayer<float> sixteen = LinearLayer<float>.FromSixteenBit(weight, bias);
            var wide = new LinearLayer<float>(weight.ToTensor<float>(), bias.ToTensor<float>(), PackedKernel<float>.Instance);
            Assert.Equal(dtype, sixteen.WeightDType);
            Assert.Equal(TensorDType.Float32, wide.WeightDType);
            Tensor<float> x = Input(random, batch, inFeatures);
            Assert.Equal(Values(wide.Forward(x)), Values(sixteen.Forward(x)));
            Tensor<float> gradient = Input(random, batch, outFeatures);
            LayerGradients<float> expected = wide.Backward(x, gradient), actual = sixteen.Backward(x, gradient);
            Assert.Equal(Values(expected.InputGradient), Values(actual.InputGradient));
            Assert.Equal(Values(expected.WeightGradient), Values(actual.WeightGradient));
            Assert.Equal(Values(wide.Weight), Values(sixteen.Weight));
        }
    }

    [Theory]
    [InlineData(TensorDType.BFloat16)]
    [InlineData(TensorDType.Float16)]
    public void A_sixteen_bit_Keras_layer_equals_the_float_layer_on_the_widened_kernel(TensorDType dtype)
    {
        var random = new Random(43);
        StoredTensor kernel = Sixteen(random, dtype, 50, 36);
        StoredTensor bias = Sixteen(random, dtype, 36);
        DenseLayer<float> sixteen = DenseLayer<float>.FromSixteenBit(kernel, bias, Activation.Relu);
        var wide = new DenseLayer<float>(kernel.ToTensor<float>(), bias.ToTensor<float>(), Activation.Relu, PackedKernel<float>.Instance);
        Tensor<float> x = Input(random, 2, 3, 50);
        Assert.Equal(dtype, sixteen.WeightDType);
        Assert.Equal(Values(wide.Forward(x)), Values(sixteen.Forward(x)));
        Tensor<float> gradient = Input(random, 2, 3, 36);
        LayerGradients<float> expected = wide.Backward(x, gradient), actual = sixteen.Backward(x, gradient);
        Assert.Equal(Values(expected.InputGradient), Values(actual.InputGradient));
        Assert.Equal(Values(expected.WeightGradient), Values(actual.WeightGradient));
        Assert.Equal(Values(wide.Kernel), Values(sixteen.Kernel));
        var same = new DenseLayer<float>(kernel.ToTensor<float>(), null, Activation.Relu, PackedKernel<float>.Instance);
        Assert.Equal(Values(same.Forward(x)), Values(DenseLayer<float>.FromSixteenBit(kernel, null, Activation.Relu).Forward(x)));
    }

    [Fact]
    public void Weights_that_are_not_sixteen_bit_matrices_are_refused_by_name()
    {
        var random = new Random(47);
        ArgumentException float32 = Assert.Throws<ArgumentException>(() => LinearLayer<float>.FromSixteenBit(StoredTensor.Create<float>(new float[6], 2, 3)));
        Assert.Contains("Float32", float32.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LinearLayer<float>.FromSixteenBit(Sixteen(random, TensorDType.BFloat16, 6)));
        ArgumentException bias = Assert.Throws<ArgumentException>(() => DenseLayer<float>.FromSixteenBit(Sixteen(random, TensorDType.Float16, 4, 3), Sixteen(random, TensorDType.Float16, 4)));
        Assert.Contains("[3]", bias.Message, StringComparison.Ordinal);
        NotSupportedException wider = Assert.Throws<NotSupportedException>(() => LinearLayer<double>.FromSixteenBit(Sixteen(random, TensorDType.BFloat16, 2, 3)));
        Assert.Contains("Double", wider.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bfloat16_state_dict_loads_into_sixteen_bit_layers_of_both_conventions()
    {
        var random = new Random(53);
        var content = new Dictionary<string, StoredTensor>
        {
            ["0.weight"] = Sixteen(random, TensorDType.BFloat16, 6, 5),
            ["0.bias"] = Sixteen(random, TensorDType.BFloat16, 6),
            ["2.weight"] = Sixteen(random, TensorDType.BFloat16, 3, 6),
        };
        string path = Path.Combine(Path.GetTempPath(), $"denselinear-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafetensorsFile.WriteFile(path, new SafetensorsContent(content));
            SequentialLayers<float> model = LayerWeightFiles.LoadSequential<float>(path, Activation.Relu);
            Assert.All(model.Linear, layer => Assert.Equal(TensorDType.BFloat16, layer.WeightDType));
            Assert.All(model.Dense, layer => Assert.Equal(TensorDType.BFloat16, layer.WeightDType));
            SequentialLayers<double> wide = LayerWeightFiles.LoadSequential<double>(path, Activation.Relu);
            Tensor<float> x = Input(random, 4, 5);
            float[] y = Values(model.Forward(x));
            double[] yWide = Values(wide.Forward(Tensor.Create(Values(x).Select(v => (double)v).ToArray(), [4, 5])));
            for (int i = 0; i < y.Length; i++)
            {
                Assert.True(Math.Abs(y[i] - yWide[i]) <= 1e-5 * (1 + Math.Abs(yWide[i])), $"y[{i}]: float {y[i]}, double {yWide[i]}");
            }

            // The Keras twin of the first layer is the same bits, relu applied (its hidden activation).
            float[] dense = Values(model.Dense[0].Forward(x));
            Assert.Equal(Values(model.Linear[0].Forward(x)).Select(v => Math.Max(v, 0f)), dense);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static StoredTensor Sixteen(Random random, TensorDType dtype, params long[] shape)
    {
        int count = (int)shape.Aggregate(1L, (a, b) => a * b);
        float[] values = [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        return StoredTensor.Create<float>(values, shape).ConvertTo(dtype);
    }

    private static Tensor<float> Input(Random random, params int[] shape)
    {
        int count = shape.Aggregate(1, (a, b) => a * b);
        return Tensor.Create([.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 4) - 2))], [.. shape.Select(d => (nint)d)]);
    }

    private static T[] Values<T>(in ReadOnlyTensorSpan<T> tensor)
    {
        var values = new T[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }

    private static T[] Values<T>(Tensor<T> tensor) => Values(tensor.AsReadOnlyTensorSpan());
}
