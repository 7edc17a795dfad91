using DenseLinear.IO;
using DenseLinear.Layers;
using Xunit;
using static DenseLinear.Porting.Tests.Porting.ForgottenTransposeFiles;
using static DenseLinear.Porting.Tests.Porting.TestModels;

namespace DenseLinear.Porting.Tests.Porting;

/// <summary>
/// A weight stored in the other framework's layout is kept, in the layout it has, and named as a forgotten transpose
/// when the file shows it (the bias, a Keras config's units, the chain), and only then.
/// </summary>
public sealed class LayoutEvidenceTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("denselinear-layout-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    [Fact]
    public void A_bias_of_the_kernels_first_dimension_says_it_is_stored_units_in()
    {
        StoredModel torch = PyTorch(3, 4, 8, 3);
        StoredModel read = StoredModel.Read(KerasWeights(torch, 0));
        StoredLayer fc1 = read.Layers[0];
        Assert.Equal(WeightLayout.OutIn, fc1.Layout);
        Assert.Equal((4, 8), (fc1.InFeatures, fc1.OutFeatures));
        Assert.Equal("the kernel is stored [8, 4] = [units, in], PyTorch's layout; the bias [8] says Keras' [in, units] is [4, 8]: a forgotten transpose", fc1.LayoutMismatch);
        Assert.Null(read.Layers[1].LayoutMismatch);
        Assert.Equal(WeightLayout.InOut, read.Layers[1].Layout);
    }

    [Fact]
    public void Units_equal_to_the_kernels_first_dimension_say_it_is_stored_units_in()
    {
        StoredModel read = StoredModel.Read(KerasArchive(WithoutBiases(PyTorch(3, 4, 8, 3)), 0));
        Assert.Equal(WeightLayout.OutIn, read.Layers[0].Layout);
        Assert.Equal("the kernel is stored [8, 4] = [units, in], PyTorch's layout; units=8 says Keras' [in, units] is [4, 8]: a forgotten transpose", read.Layers[0].LayoutMismatch);
    }

    [Fact]
    public void The_bias_and_units_together_are_both_named()
    {
        StoredModel read = StoredModel.Read(KerasArchive(PyTorch(3, 4, 8, 3), 0));
        Assert.Contains("the bias [8] and units=8 say Keras' [in, units] is [4, 8]", read.Layers[0].LayoutMismatch, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keras_chain_that_links_only_with_the_kernel_transposed_says_so()
    {
        // No bias, no config: the square fc2 settles the width 8 that fc1 must give.
        StoredModel read = StoredModel.Read(KerasWeights(WithoutBiases(PyTorch(3, 4, 8, 8, 3)), 0));
        Assert.Equal(WeightLayout.OutIn, read.Layers[0].Layout);
        Assert.Equal("the kernel is stored [8, 4] = [units, in], PyTorch's layout; the next layer ('dense_1', 8 inputs) says Keras' [in, units] is [4, 8]: a forgotten transpose", read.Layers[0].LayoutMismatch);
        Assert.All(read.Layers.Skip(1), layer => Assert.Null(layer.LayoutMismatch));
    }

    [Fact]
    public void A_state_dict_weight_stored_in_out_is_named_by_its_bias()
    {
        StoredModel read = StoredModel.Read(Safetensors(StateDict(PyTorch(3, 4, 8, 3), 0)));
        Assert.Equal(WeightLayout.InOut, read.Layers[0].Layout);
        Assert.Equal("the weight is stored [4, 8] = [in, out], Keras' layout; the bias [8] says PyTorch's [out, in] is [8, 4]: a forgotten transpose", read.Layers[0].LayoutMismatch);
        Assert.Equal(WeightLayout.OutIn, read.Layers[1].Layout);
    }

    [Fact]
    public void A_state_dict_chain_that_links_only_with_the_weight_transposed_says_so()
    {
        StoredModel read = StoredModel.Read(Safetensors(StateDict(WithoutBiases(PyTorch(3, 4, 8, 8, 3)), 2)));
        Assert.Equal(WeightLayout.InOut, read.Layers[2].Layout);
        Assert.Equal("the weight is stored [8, 3] = [in, out], Keras' layout; the previous layer ('fc2', 8 outputs) says PyTorch's [out, in] is [3, 8]: a forgotten transpose", read.Layers[2].LayoutMismatch);
    }

    [Fact]
    public void A_square_weight_transposed_stays_in_the_files_convention()
    {
        StoredModel broken = StoredModel.ReadFile(Path.Combine(AppContext.BaseDirectory, "port-check", "broken.keras"));
        Assert.All(broken.Layers, layer => Assert.Null(layer.LayoutMismatch));
        Assert.All(broken.Layers, layer => Assert.Equal(WeightLayout.InOut, layer.Layout));
    }

    [Fact]
    public void Without_bias_config_or_settled_neighbour_the_chain_is_refused_as_before()
    {
        // fc1 [8, 4] and fc2 [8, 3], both non-square and without evidence: either could be the transposed one.
        InvalidDataException refused = Assert.Throws<InvalidDataException>(() => StoredModel.Read(KerasWeights(WithoutBiases(PyTorch(3, 4, 8, 3)), 0)));
        Assert.Contains("takes 8 features but 'dense' before it gives 4", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_layer_without_evidence_is_read_in_the_files_convention()
    {
        StoredLayer layer = Assert.Single(StoredModel.Read(KerasWeights(WithoutBiases(PyTorch(3, 4, 8)), 0)).Layers);
        Assert.Equal(WeightLayout.InOut, layer.Layout);
        Assert.Null(layer.LayoutMismatch);
        Assert.Equal((8, 4), (layer.InFeatures, layer.OutFeatures));
    }

    [Fact]
    public void Writers_and_loaders_refuse_a_layer_with_a_layout_mismatch()
    {
        byte[] keras = KerasWeights(PyTorch(3, 4, 8, 3), 0);
        StoredModel model = StoredModel.Read(keras);
        string path = Path.Combine(folder, "forgotten.weights.h5");
        File.WriteAllBytes(path, keras);
        string torchPath = Path.Combine(folder, "forgotten.safetensors");
        SafetensorsFile.WriteFile(torchPath, StateDict(PyTorch(3, 4, 8, 3), 0, i => $"{i * 2}"));

        Assert.All(
            [
                Assert.Throws<InvalidDataException>(() => KerasModelFile.WriteArchive(Stream.Null, model)),
                Assert.Throws<InvalidDataException>(() => KerasModelFile.WriteWeights(Stream.Null, model)),
                Assert.Throws<InvalidDataException>(model.ToStateDict),
                Assert.Throws<InvalidDataException>(() => LayerWeightFiles.ReadSequential<float>(model)),
                Assert.Throws<InvalidDataException>(() => LayerWeightFiles.LoadSequential<float>(path)),
                Assert.Throws<InvalidDataException>(() => LayerWeightFiles.LoadSequential<float>(torchPath)),
            ],
            refused => Assert.Contains("a forgotten transpose", refused.Message, StringComparison.Ordinal));
    }

    private static byte[] Safetensors(SafetensorsContent content)
    {
        using var buffer = new MemoryStream();
        SafetensorsFile.Write(buffer, content);
        return buffer.ToArray();
    }
}
