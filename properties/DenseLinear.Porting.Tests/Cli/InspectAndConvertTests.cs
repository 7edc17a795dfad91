using System.Text.Json;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Porting.Tests.Cli;

/// <summary><c>denselinear inspect</c> and <c>convert</c>: what they print, and that a conversion is the same function.</summary>
public sealed class InspectAndConvertTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("denselinear-convert-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    [Fact]
    public void Inspect_lists_the_format_layers_shapes_dtypes_and_activations()
    {
        CliRun run = CliRun.Of("inspect", CliRun.Sample("mlp.keras"));
        Assert.Equal(0, run.Exit);
        Assert.Contains("Keras archive (.keras), 3 dense layers", run.Output, StringComparison.Ordinal);
        Assert.Contains("fc2: 8 -> 8, kernel K [in, units] float32 [8, 8] (layers/dense_1/vars/0), bias float32 [8] (layers/dense_1/vars/1), activation relu", run.Output, StringComparison.Ordinal);

        CliRun pt = CliRun.Of("inspect", CliRun.Sample("mlp.pt"));
        Assert.Contains("fc1: 4 -> 8, weight W [out, in] float32 [8, 4] (fc1.weight)", pt.Output, StringComparison.Ordinal);
        Assert.Contains("activation not recorded", pt.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("note:", pt.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_json_parses()
    {
        CliRun run = CliRun.Of("inspect", CliRun.Sample("mlp.pt"), "--json");
        using var json = JsonDocument.Parse(run.Output);
        JsonElement layers = json.RootElement.GetProperty("layers");
        Assert.Equal(3, layers.GetArrayLength());
        Assert.Equal("PyTorchCheckpoint", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(JsonValueKind.Null, layers[0].GetProperty("activation").ValueKind);
        Assert.Equal(3, layers[2].GetProperty("weight").GetProperty("shape")[0].GetInt64());
    }

    [Theory]
    [InlineData("mlp.keras")]
    [InlineData("mlp.weights.h5")]
    [InlineData("mlp.safetensors")]
    [InlineData("mlp.pt")]
    public void Convert_from_pt_writes_the_same_function(string target)
    {
        string output = Path.Combine(folder, target);
        CliRun run = CliRun.Of("convert", CliRun.Sample("mlp.pt"), output, "--activations", "relu,relu,linear");
        Assert.Equal(0, run.Exit);
        Assert.Contains("fc1.weight float32 [8, 4] -> ", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("compare", CliRun.Sample("mlp.pt"), output).Exit);
        if (target.EndsWith(".keras", StringComparison.Ordinal))
        {
            Assert.Contains("fc1.weight float32 [8, 4] -> layers/dense/vars/0 float32 [4, 8] (transposed), activation relu", run.Output, StringComparison.Ordinal);
            Assert.Equal([Activation.Relu, Activation.Relu, Activation.Linear], StoredModel.ReadFile(output).Layers.Select(l => l.Activation!.Value));
        }
    }

    [Fact]
    public void Convert_from_keras_to_pt_transposes_maps_the_names_and_says_the_activations_are_lost()
    {
        string output = Path.Combine(folder, "back.pt");
        CliRun run = CliRun.Of("convert", CliRun.Sample("mlp.keras"), output);
        Assert.Equal(0, run.Exit);
        Assert.Contains("layers/dense/vars/0 float32 [4, 8] -> fc1.weight float32 [8, 4] (transposed)", run.Output, StringComparison.Ordinal);
        Assert.Contains("a .pt state_dict does not store activations: relu, relu, linear", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("compare", output, CliRun.Sample("mlp.keras")).Exit);
        Assert.True(File.ReadAllBytes(CliRun.Sample("mlp.pt")).Length > 0);
    }

    [Theory]
    [InlineData("mlp.onnx", "extension")]
    [InlineData("mlp.keras", "--activations")]
    public void Convert_refuses_bad_input_exit_2(string target, string expected)
    {
        string[] activations = expected == "--activations" ? ["--activations", "relu,relu"] : [];
        CliRun run = CliRun.Of(["convert", CliRun.Sample("mlp.pt"), Path.Combine(folder, target), .. activations]);
        Assert.Equal(2, run.Exit);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }
}
