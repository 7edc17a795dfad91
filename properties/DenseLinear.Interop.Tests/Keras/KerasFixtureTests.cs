using System.Text.Json;
using System.Text.Json.Nodes;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Keras;

/// <summary>
/// The files generate.py lays out as Keras writes them, read by both entry points and compared with its manifest
/// bitwise: layer order and names, layouts, paths, dtypes, shapes, the values' bytes, activations and the other layers;
/// the files that must be refused are refused with their message.
/// </summary>
[Collection(GeneratedKerasCollection.Name)]
public sealed class KerasFixtureTests(GeneratedKerasFixtures fixtures)
{
    [H5pyFact]
    public void Every_file_reads_through_StoredModel_as_the_manifest_says() =>
        AssertAllRead(StoredModel.ReadFile);

    [H5pyFact]
    public void Every_file_reads_through_KerasModelFile_as_the_manifest_says() =>
        AssertAllRead(KerasModelFile.ReadFile);

    [H5pyFact]
    public void Every_file_to_refuse_is_refused_by_both_readers_with_its_reason()
    {
        var failures = new List<string>();
        JsonElement[] refused = [.. fixtures.Manifest.GetProperty("refused").EnumerateObject().Select(entry => entry.Value)];
        foreach (JsonProperty entry in fixtures.Manifest.GetProperty("refused").EnumerateObject())
        {
            string fragment = entry.Value.GetString()!;
            foreach ((string reader, Func<string, StoredModel> read) in Readers)
            {
                try
                {
                    StoredModel model = read(fixtures.PathOf(entry.Name));
                    failures.Add($"{entry.Name} via {reader}: read as {model.Layers.Count} layers, expected the refusal '{fragment}'");
                }
                catch (InvalidDataException e) when (e.Message.Contains(fragment, StringComparison.Ordinal))
                {
                }
                catch (InvalidDataException e)
                {
                    failures.Add($"{entry.Name} via {reader}: refused with '{e.Message}', expected '{fragment}'");
                }
            }
        }

        Assert.True(refused.Length >= 15, $"only {refused.Length} files to refuse");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The generator keeps writing what the readers claim to read, so a dropped layout cannot pass unnoticed.</summary>
    [H5pyFact]
    public void The_manifest_covers_every_layout_dtype_and_quirk()
    {
        JsonProperty[] files = [.. fixtures.Manifest.GetProperty("files").EnumerateObject()];
        string[] formats = [.. files.Select(file => file.Value.GetProperty("format").GetString()!).Distinct().Order()];
        Assert.Equal(["KerasArchive", "KerasWeights", "LegacyKerasModel", "LegacyKerasWeights"], formats);
        string[] dtypes = [.. files.SelectMany(file => file.Value.GetProperty("layers").EnumerateArray()).Select(layer => layer.GetProperty("weight").GetProperty("dtype").GetString()!).Distinct().Order()];
        Assert.Equal(["BFloat16", "Float16", "Float32", "Float64"], dtypes);
        Assert.Contains(files, file => file.Value.GetProperty("format").GetString() == "KerasWeights" && file.Value.GetProperty("layers").GetArrayLength() >= 11);
        Assert.Contains(files, file => file.Value.GetProperty("format").GetString() == "LegacyKerasWeights" && file.Value.GetProperty("layers").GetArrayLength() >= 11);
        string[] activations = [.. files.SelectMany(file => file.Value.GetProperty("layers").EnumerateArray()).Select(layer => layer.GetProperty("activation").GetString() ?? "unrecorded").Distinct().Order()];
        Assert.Equal(["gelu", "linear", "relu", "sigmoid", "softmax", "tanh", "unrecorded"], activations);
        Assert.Contains(files, file => file.Name.EndsWith(".keras", StringComparison.Ordinal) && file.Value.GetProperty("format").GetString() == "LegacyKerasModel");
    }

    [H5pyFact]
    public void The_comparison_sees_one_flipped_bit_a_renamed_layer_and_a_changed_activation()
    {
        JsonNode expected = JsonNode.Parse(fixtures.Manifest.GetProperty("files").GetProperty("sequential.keras").GetRawText())!;
        StoredModel model = StoredModel.ReadFile(fixtures.PathOf("sequential.keras"));
        Assert.Empty(KerasManifest.Differences(model, ToElement(expected)));

        JsonNode layer = expected["layers"]![2]!;
        string hex = (string)layer["weight"]!["hex"]!;
        layer["weight"]!["hex"] = hex[..^1] + (hex[^1] == '0' ? '1' : '0');
        layer["name"] = "renamed";
        layer["activation"] = "relu";
        List<string> differences = KerasManifest.Differences(model, ToElement(expected));
        Assert.Equal(3, differences.Count);
        Assert.Contains(differences, d => d.Contains("bytes differ from byte", StringComparison.Ordinal));
    }

    private static readonly (string Name, Func<string, StoredModel> Read)[] Readers =
        [("StoredModel.ReadFile", StoredModel.ReadFile), ("KerasModelFile.ReadFile", KerasModelFile.ReadFile)];

    private static JsonElement ToElement(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    private void AssertAllRead(Func<string, StoredModel> read)
    {
        var failures = new List<string>();
        int count = 0;
        foreach (JsonProperty file in fixtures.Manifest.GetProperty("files").EnumerateObject())
        {
            count++;
            try
            {
                failures.AddRange(KerasManifest.Differences(read(fixtures.PathOf(file.Name)), file.Value).Select(d => $"{file.Name}: {d}"));
            }
            catch (InvalidDataException e)
            {
                failures.Add($"{file.Name}: refused: {e.Message}");
            }
        }

        Assert.True(count >= 13, $"only {count} files");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
