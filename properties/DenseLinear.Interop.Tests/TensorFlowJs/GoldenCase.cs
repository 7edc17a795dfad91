using System.Text.Json;
using DenseLinear.IO;
using DenseLinear.Layers;

namespace DenseLinear.Interop.Tests.TensorFlowJs;

/// <summary>One case written by <c>oracles/tfjs/generate.mjs</c>: tfjs' inputs, weights and output.</summary>
public sealed record GoldenCase(string Name, Activation Activation, StoredTensor X, StoredTensor Kernel, StoredTensor? Bias, StoredTensor Y)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "oracles", "tfjs", "golden");

    /// <summary>The case names and activations listed in <c>manifest.json</c>.</summary>
    public static IEnumerable<(string Name, string Activation)> Manifest()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "manifest.json")));
        foreach (JsonElement entry in manifest.RootElement.GetProperty("cases").EnumerateArray())
        {
            yield return (entry.GetProperty("name").GetString()!, entry.GetProperty("activation").GetString()!);
        }
    }

    public static GoldenCase Load(string name, string activation)
    {
        string directory = Path.Combine(Directory, name);
        string biasPath = Path.Combine(directory, "bias.npy");
        return new GoldenCase(
            name,
            ActivationFunctions.Parse(activation),
            NpyFile.ReadFile(Path.Combine(directory, "x.npy")),
            NpyFile.ReadFile(Path.Combine(directory, "kernel.npy")),
            File.Exists(biasPath) ? NpyFile.ReadFile(biasPath) : null,
            NpyFile.ReadFile(Path.Combine(directory, "y.npy")));
    }
}
