using System.Numerics.Tensors;
using DenseLinear.IO;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>
/// <see cref="LayerWeightFiles.LoadSequential{T}"/> picks the format by the file's bytes: the same MLP as a
/// safetensors state dict, a Keras 3 <c>.weights.h5</c> and a <c>.keras</c> archive, whatever the files are named,
/// computes the same outputs bit for bit.
/// </summary>
public sealed class KerasSequentialFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("denselinear-keras-seq-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void The_same_mlp_in_torch_and_keras_files_computes_the_same_bits()
    {
        var stateDict = new SafetensorsContent(
        [
            new("0.weight", StoredTensor.Create<float>([0.5f, -1.25f, 2, 0.125f, -0.75f, 3, 1, -2], 4, 2)),
            new("0.bias", StoredTensor.Create<float>([0.1f, -0.2f, 0.3f, -0.4f], 4)),
            new("2.weight", StoredTensor.Create<float>([1, -1, 0.5f, -0.5f, 2, 0.25f, -3, 1.5f], 2, 4)),
        ]);
        string torch = Path.Combine(directory, "model.safetensors");
        SafetensorsFile.WriteFile(torch, stateDict);
        StoredModel model = StoredModel.ReadFile(torch);
        Assert.Equal(ModelFileFormat.Safetensors, model.Format);
        var withActivations = new StoredModel(model.Format, [Activated(model.Layers[0], Activation.Relu), Activated(model.Layers[1], Activation.Linear)]);

        // Misleading extensions on purpose: the bytes decide.
        string weights = Path.Combine(directory, "model.safetensors.h5");
        string archive = Path.Combine(directory, "model.pt");
        KerasModelFile.WriteWeightsFile(weights, withActivations);
        KerasModelFile.WriteArchiveFile(archive, withActivations);

        var x = Tensor.Create<float>([1, -2, 0.5f, 3, -1.5f, 0.25f], [3, 2]);
        float[] expected = Values(LayerWeightFiles.LoadSequential<float>(torch, Activation.Relu).Forward(x));
        Assert.Equal(expected, Values(LayerWeightFiles.LoadSequential<float>(weights, Activation.Relu).Forward(x)));
        SequentialLayers<float> fromArchive = LayerWeightFiles.LoadSequential<float>(archive);
        Assert.Equal(expected, Values(fromArchive.Forward(x)));
        Assert.Equal(["dense", "dense_1"], fromArchive.DenseNames);
        Assert.Equal(Activation.Relu, fromArchive.Dense[0].Activation);
    }

    [Fact]
    public void A_keras_file_with_a_softmax_output_is_refused_with_the_reason()
    {
        var layer = new StoredLayer("dense", WeightLayout.InOut, StoredTensor.Create<float>([1, 2], 1, 2), null, Activation.Softmax, "layers/dense/vars/0", null);
        string path = Path.Combine(directory, "softmax.keras");
        KerasModelFile.WriteArchiveFile(path, new StoredModel(ModelFileFormat.KerasArchive, [layer]));
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => LayerWeightFiles.LoadSequential<float>(path));
        Assert.Contains("Softmax", e.Message, StringComparison.Ordinal);
        Assert.Contains("StoredModel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_no_model_format_is_refused_naming_what_it_is()
    {
        string path = Path.Combine(directory, "kernel.safetensors");
        NpyFile.WriteFile(path, StoredTensor.Create<float>([1, 2], 2));
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => LayerWeightFiles.LoadSequential<float>(path));
        Assert.Contains("NumPy .npy", e.Message, StringComparison.Ordinal);
        InvalidDataException direct = Assert.Throws<InvalidDataException>(() => SafetensorsFile.ReadFile(path));
        Assert.Contains("not safetensors", direct.Message, StringComparison.Ordinal);
    }

    private static StoredLayer Activated(StoredLayer layer, Activation activation) =>
        new(layer.Name, layer.Layout, layer.Weight, layer.Bias, activation, layer.WeightPath, layer.BiasPath);

    private static float[] Values(Tensor<float> tensor)
    {
        var values = new float[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }
}
