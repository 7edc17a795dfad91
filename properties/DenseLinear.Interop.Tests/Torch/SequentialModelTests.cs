using System.Numerics;
using System.Numerics.Tensors;
using System.Text.Json;
using DenseLinear.IO;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// torch's <c>nn.Sequential(Linear(5, 4), ReLU(), Linear(4, 3))</c>, saved by <c>torch.save</c>, loads as a chain of
/// LinearLayers and of Keras-named DenseLayers whose forward, by hand and through <see cref="SequentialLayers{T}.Forward"/>,
/// matches torch's own recorded output.
/// </summary>
/// <remarks>Bound: <see cref="TwoLayerBound"/>, the difference two evaluations in any order may show.</remarks>
public sealed class SequentialModelTests
{
    [Fact]
    public void The_float_mlp_matches_torchs_forward() => MatchesTorch<float>("mlp_f32.pt");

    [Fact]
    public void The_double_mlp_matches_torchs_forward() => MatchesTorch<double>("mlp_f64.pt");

    [Fact]
    public void The_same_state_dict_through_safetensors_gives_the_same_layers()
    {
        SafetensorsContent pt = PyTorchCheckpointFile.ReadFile(Path.Combine(TorchFixtures.Directory, "mlp_f32.pt"));
        SequentialLayers<float> fromPt = LayerWeightFiles.ReadSequential<float>(pt, Activation.Relu);
        SequentialLayers<float> fromSafetensors = LayerWeightFiles.ReadSequential<float>(SafetensorsFile.Read(SafetensorsFile.ToBytes(pt)), Activation.Relu);
        Assert.Equal([0, 2], fromPt.ModuleIndices);
        Assert.Equal(["dense", "dense_1"], fromPt.DenseNames);
        Assert.Equal([Activation.Relu, Activation.Linear], fromPt.Dense.Select(d => d.Activation));
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(Flat(fromPt.Linear[i].Weight), Flat(fromSafetensors.Linear[i].Weight));
            Assert.Equal(Flat(fromPt.Linear[i].Bias), Flat(fromSafetensors.Linear[i].Bias));
        }
    }

    [Fact]
    public void A_name_that_is_not_a_sequential_parameter_is_refused_by_name()
    {
        StoredTensor weight = StoredTensor.Create<float>([1, 2], 1, 2);
        var content = new SafetensorsContent([new("fc1.weight", weight)]);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadSequential<float>(content));
        Assert.Contains("'fc1.weight'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Layers_that_do_not_chain_are_refused()
    {
        var content = new SafetensorsContent([new("0.weight", StoredTensor.Create<float>([1, 2, 3, 4, 5, 6], 3, 2)), new("1.weight", StoredTensor.Create<float>([1, 2], 1, 2))]);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadSequential<float>(content));
        Assert.Contains("takes 2 features but the layer before it gives 3", e.Message, StringComparison.Ordinal);
    }

    private static void MatchesTorch<T>(string file)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using JsonDocument manifest = TorchFixtures.Manifest();
        JsonElement entry = manifest.RootElement.GetProperty("pt").GetProperty(file);
        TensorDType dtype = typeof(T) == typeof(float) ? TensorDType.Float32 : TensorDType.Float64;
        T[] x = TorchFixtures.Expected(entry.GetProperty("input"), dtype).GetValues<T>().ToArray();
        T[] torchY = TorchFixtures.Expected(entry.GetProperty("output"), dtype).GetValues<T>().ToArray();
        SequentialLayers<T> model = LayerWeightFiles.LoadSequential<T>(Path.Combine(TorchFixtures.Directory, file), Activation.Relu);
        LinearLayer<T> first = model.Linear[0], second = model.Linear[1];
        int m = x.Length / first.InFeatures;

        T[] h = [.. Flat<T>(first.Forward(Tensor.Create(x, [m, first.InFeatures]))).Select(v => T.Max(v, T.Zero))];
        T[] y = Flat<T>(second.Forward(Tensor.Create(h, [m, second.InFeatures])));
        T[] yDense = Flat<T>(model.Dense[1].Forward(model.Dense[0].Forward(Tensor.Create(x, [m, first.InFeatures]))));
        T[] yModel = Flat<T>(model.Forward(Tensor.Create(x, [m, first.InFeatures])));
        double[] bounds = TwoLayerBound.Between(x, m, Flat(first.Weight), Flat(first.Bias), Flat(second.Weight), Flat(second.Bias));
        for (int index = 0; index < bounds.Length; index++)
        {
            (int i, int o) = Math.DivRem(index, second.OutFeatures);
            foreach ((string who, T ours) in (ReadOnlySpan<(string, T)>)[("LinearLayer chain", y[index]), ("DenseLayer chain", yDense[index]), ("SequentialLayers.Forward", yModel[index])])
            {
                double difference = Math.Abs(double.CreateChecked(ours) - double.CreateChecked(torchY[index]));
                Assert.True(difference <= bounds[index], $"{file} output [{m}, {second.OutFeatures}] index ({i}, {o}): torch {torchY[index]}, {who} {ours}, |difference| {difference:R} > bound {bounds[index]:R}");
            }
        }
    }

    private static T[] Flat<T>(ReadOnlyTensorSpan<T> tensor)
    {
        var values = new T[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }
}
