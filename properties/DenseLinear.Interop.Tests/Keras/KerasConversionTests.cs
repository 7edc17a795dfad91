using System.Text.Json;
using System.Text.Json.Nodes;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Keras;

/// <summary>
/// Both directions, each checked by the other side's tools: PyTorch state dicts (torch.save and safetensors) written by
/// <see cref="KerasModelFile"/> and read back by h5py (check_written.py); Keras files turned into state dicts with
/// <see cref="StoredModel.ToStateDict"/>, written as safetensors and read back by our reader and by a header parse in
/// Python; and every Keras fixture through our writer and back through our reader, bitwise.
/// </summary>
[Collection(GeneratedKerasCollection.Name)]
public sealed class KerasConversionTests(GeneratedKerasFixtures fixtures) : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("denselinear-keras-written-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [H5pyTorchFact]
    public void PyTorch_state_dicts_written_as_weights_h5_are_the_Keras_layers_h5py_reads() =>
        AssertTorchSourcesWritten(".weights.h5", KerasModelFile.WriteWeightsFile);

    [H5pyTorchFact]
    public void PyTorch_state_dicts_written_as_keras_archives_have_the_members_config_and_weights_h5py_reads() =>
        AssertTorchSourcesWritten(".keras", KerasModelFile.WriteArchiveFile);

    [H5pyFact]
    public void Keras_files_as_state_dicts_are_the_transposed_kernels_in_safetensors_for_our_reader_and_python()
    {
        var failures = new List<string>();
        foreach (JsonProperty file in Files())
        {
            StoredModel model = StoredModel.ReadFile(fixtures.PathOf(file.Name));
            string written = Path.Combine(scratch, file.Name + ".safetensors");
            SafetensorsFile.WriteFile(written, model.ToStateDict());

            SafetensorsContent content = SafetensorsFile.ReadFile(written);
            StoredModel back = StoredModel.ReadFile(written);
            Assert.Equal(ModelFileFormat.Safetensors, back.Format);
            foreach (JsonElement layer in file.Value.GetProperty("layers").EnumerateArray())
            {
                string name = layer.GetProperty("name").GetString()!;
                StoredTensor kernel = Expected(layer.GetProperty("weight"));
                if (!content.TryGetTensor(name + ".weight", out StoredTensor? weight) || !weight.BitwiseEquals(kernel.TransposeMatrix()))
                {
                    failures.Add($"{file.Name}: '{name}.weight' is {weight?.ToString() ?? "missing"}, not the kernel {kernel} transposed bitwise");
                }

                bool hasBias = layer.GetProperty("bias").ValueKind != JsonValueKind.Null;
                if (hasBias != content.TryGetTensor(name + ".bias", out StoredTensor? bias) || (hasBias && !bias!.BitwiseEquals(Expected(layer.GetProperty("bias")))))
                {
                    failures.Add($"{file.Name}: '{name}.bias' is {bias?.ToString() ?? "missing"}, expected {(hasBias ? "the bias bitwise" : "none")}");
                }
            }

            // Read back as a model, the layers come in PyTorch's layout; their Keras view is the manifest's again.
            failures.AddRange(KerasManifest.Differences(KerasModelFile.ToKeras(back), WithNames(file.Value, back), compareFormat: false, comparePaths: false).Select(d => $"{file.Name} via safetensors: {d}"));
            failures.AddRange(Check("safetensors", written, file.Value).Select(d => $"{file.Name} (python): {d}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [H5pyFact]
    public void Keras_files_through_our_writer_are_read_back_by_our_reader_and_h5py_bitwise()
    {
        var failures = new List<string>();
        foreach (JsonProperty file in Files())
        {
            StoredModel model = KerasModelFile.ReadFile(fixtures.PathOf(file.Name));
            JsonObject expected = KerasManifest.Describe(WidenedBFloat16(KerasModelFile.ToKeras(model)));
            foreach ((string extension, Action<string, StoredModel> write) in Writers)
            {
                string written = Path.Combine(scratch, file.Name + extension);
                write(written, model);
                StoredModel back = KerasModelFile.ReadFile(written);
                bool archive = extension == ".keras";
                JsonObject wanted = archive ? WithActivations(expected) : WithoutActivations(expected);
                failures.AddRange(KerasManifest.Differences(back, Parse(wanted), compareFormat: false).Select(d => $"{file.Name}{extension}: {d}"));
                Assert.Equal(archive ? ModelFileFormat.KerasArchive : ModelFileFormat.KerasWeights, back.Format);
                failures.AddRange(Check("keras", written, WithActivations(expected)).Select(d => $"{file.Name}{extension} (h5py): {d}"));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static readonly (string Extension, Action<string, StoredModel> Write)[] Writers =
        [(".weights.h5", KerasModelFile.WriteWeightsFile), (".keras", KerasModelFile.WriteArchiveFile)];

    private IEnumerable<JsonProperty> Files() => fixtures.Manifest.GetProperty("files").EnumerateObject();

    private void AssertTorchSourcesWritten(string extension, Action<string, StoredModel> write)
    {
        JsonElement sources = fixtures.Manifest.GetProperty("torch");
        Assert.Equal(JsonValueKind.Object, sources.ValueKind);
        var failures = new List<string>();
        int count = 0;
        foreach (JsonProperty source in sources.EnumerateObject())
        {
            count++;
            string written = Path.Combine(scratch, source.Name + extension);
            write(written, StoredModel.ReadFile(fixtures.PathOf(source.Name)));
            failures.AddRange(Check("keras", written, source.Value).Select(d => $"{source.Name} → {extension} (h5py): {d}"));
            failures.AddRange(KerasManifest.Differences(KerasModelFile.ReadFile(written), WithoutActivationsIfWeights(source.Value, extension), compareFormat: false).Select(d => $"{source.Name} → {extension} (ours): {d}"));
        }

        Assert.True(count >= 3, $"only {count} PyTorch sources");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private List<string> Check(string mode, string written, JsonNode expected) => Check(mode, written, expected.ToJsonString());

    private List<string> Check(string mode, string written, JsonElement expected) => Check(mode, written, expected.GetRawText());

    private List<string> Check(string mode, string written, string expectedJson)
    {
        string expectedPath = written + ".expected.json";
        File.WriteAllText(expectedPath, expectedJson);
        (int exitCode, string output) = KerasOracle.Run(KerasOracle.Script("check_written.py"), mode, written, expectedPath);
        return exitCode == 0 ? [] : [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries), $"check_written.py exited {exitCode}"];
    }

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    private static StoredTensor Expected(JsonElement tensor)
    {
        byte[] bytes = Convert.FromHexString(tensor.GetProperty("hex").GetString()!);
        long[] shape = [.. tensor.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64())];
        return tensor.GetProperty("dtype").GetString() switch
        {
            "Float32" => StoredTensor.Create<float>(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes), shape),
            "Float64" => StoredTensor.Create<double>(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(bytes), shape),
            "Float16" => StoredTensor.Create<Half>(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(bytes), shape),
            _ => StoredTensor.Create([.. System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(bytes).ToArray().Select(BFloat16.FromBits)], shape),
        };
    }

    // A safetensors file keeps the layer names and, where every layer had one, the activations (in its metadata).
    private static JsonElement WithNames(JsonElement expected, StoredModel back)
    {
        JsonNode node = JsonNode.Parse(expected.GetRawText())!;
        foreach (JsonNode? layer in node["layers"]!.AsArray())
        {
            if (back.Layers.Any(l => l.Activation is null))
            {
                layer!["activation"] = null;
            }
        }

        node.AsObject().Remove("others");
        return Parse(node);
    }

    private static JsonElement WithoutActivationsIfWeights(JsonElement expected, string extension)
    {
        JsonNode node = JsonNode.Parse(expected.GetRawText())!;
        return Parse(extension == ".keras" ? node : WithoutActivations(node.AsObject()));
    }

    // What a .weights.h5 keeps: no activations, the groups' names (dense, dense_1, …).
    private static JsonObject WithoutActivations(JsonObject expected)
    {
        var copy = (JsonObject)expected.DeepClone();
        JsonArray layers = copy["layers"]!.AsArray();
        for (int i = 0; i < layers.Count; i++)
        {
            layers[i]!["activation"] = null;
            layers[i]!["name"] = i == 0 ? "dense" : $"dense_{i}";
        }

        return copy;
    }

    // What a .keras archive keeps: the names, and the activations, an unrecorded one written as linear.
    private static JsonObject WithActivations(JsonObject expected)
    {
        var copy = (JsonObject)expected.DeepClone();
        foreach (JsonNode? layer in copy["layers"]!.AsArray())
        {
            layer!["activation"] ??= "linear";
        }

        return copy;
    }

    // Our writer widens bfloat16, which h5py has no type for, exactly to float32.
    private static StoredModel WidenedBFloat16(StoredModel model) => new(
        model.Format,
        [.. model.Layers.Select(layer => new StoredLayer(layer.Name, layer.Layout, Widened(layer.Weight), layer.Bias is null ? null : Widened(layer.Bias), layer.Activation, layer.WeightPath, layer.BiasPath))]);

    private static StoredTensor Widened(StoredTensor tensor) => tensor.DType == TensorDType.BFloat16 ? tensor.ConvertTo(TensorDType.Float32) : tensor;
}
