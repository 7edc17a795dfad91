using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using DenseLinear.IO;

namespace DenseLinear.Interop.Tests.Keras;

/// <summary>A model compared with what generate.py's manifest says its file holds, bitwise; every difference in words.</summary>
public static class KerasManifest
{
    /// <summary>The raw little-endian bytes of the values as stored, bfloat16 as its 16-bit patterns.</summary>
    public static byte[] Bytes(StoredTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor.DType switch
        {
            TensorDType.Float32 => MemoryMarshal.AsBytes(tensor.GetValues<float>()).ToArray(),
            TensorDType.Float64 => MemoryMarshal.AsBytes(tensor.GetValues<double>()).ToArray(),
            TensorDType.Float16 => MemoryMarshal.AsBytes(tensor.GetValues<Half>()).ToArray(),
            _ => [.. tensor.GetBFloat16Values().ToArray().SelectMany(value => BitConverter.GetBytes(value.Bits))],
        };
    }

    public static string Hex(StoredTensor tensor) => Convert.ToHexStringLower(Bytes(tensor));

    /// <summary>Every way <paramref name="model"/> differs from the manifest entry <paramref name="expected"/>.</summary>
    public static List<string> Differences(StoredModel model, JsonElement expected, bool compareFormat = true, bool comparePaths = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        var differences = new List<string>();
        void Expect(bool condition, string message)
        {
            if (!condition)
            {
                differences.Add(message);
            }
        }

        if (compareFormat && expected.TryGetProperty("format", out JsonElement format))
        {
            Expect(model.Format.ToString() == format.GetString(), $"format {model.Format}, expected {format.GetString()}");
        }

        JsonElement[] layers = [.. expected.GetProperty("layers").EnumerateArray()];
        Expect(model.Layers.Count == layers.Length, $"{model.Layers.Count} layers ({string.Join(", ", model.Layers.Select(l => l.Name))}), expected {layers.Length} ({string.Join(", ", layers.Select(l => l.GetProperty("name").GetString()))})");
        for (int i = 0; i < Math.Min(model.Layers.Count, layers.Length); i++)
        {
            StoredLayer layer = model.Layers[i];
            JsonElement want = layers[i];
            string where = $"layer {i} '{layer.Name}'";
            Expect(layer.Name == want.GetProperty("name").GetString(), $"{where}: expected the name '{want.GetProperty("name").GetString()}'");
            Expect(layer.Layout == WeightLayout.InOut, $"{where}: layout {layer.Layout}, expected InOut");
            string? activation = want.GetProperty("activation").GetString();
            Expect(
                activation is null ? layer.Activation is null : layer.Activation is Activation a && ActivationNames.Of(a) == activation,
                $"{where}: activation {layer.Activation?.ToString() ?? "not recorded"}, expected {activation ?? "not recorded"}");
            Compare(differences, $"{where} weight", layer.Weight, layer.WeightPath, want.GetProperty("weight"), comparePaths);
            JsonElement bias = want.GetProperty("bias");
            if (bias.ValueKind == JsonValueKind.Null)
            {
                Expect(layer.Bias is null, $"{where}: has a bias {layer.Bias}, expected none");
            }
            else if (layer.Bias is null)
            {
                differences.Add($"{where}: has no bias, expected one");
            }
            else
            {
                Compare(differences, $"{where} bias", layer.Bias, layer.BiasPath, bias, comparePaths);
            }
        }

        if (expected.TryGetProperty("others", out JsonElement others))
        {
            string actual = string.Join(", ", model.OtherLayers.Select(o => $"{o.Name} ({o.ClassName})"));
            string wanted = string.Join(", ", others.EnumerateArray().Select(o => $"{o.GetProperty("name").GetString()} ({o.GetProperty("class").GetString()})"));
            Expect(actual == wanted, $"other layers [{actual}], expected [{wanted}]");
        }

        return differences;
    }

    /// <summary>The manifest entry of a model DenseLinear holds, for check_written.py: its layers in Keras' convention.</summary>
    public static JsonObject Describe(StoredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = new JsonArray();
        foreach (StoredLayer layer in model.Layers)
        {
            layers.Add(new JsonObject
            {
                ["name"] = layer.Name,
                ["activation"] = layer.Activation is Activation a ? ActivationNames.Of(a) : null,
                ["weight"] = Describe(layer.Weight, layer.WeightPath),
                ["bias"] = layer.Bias is null ? null : Describe(layer.Bias, layer.BiasPath!),
            });
        }

        return new JsonObject { ["layers"] = layers };
    }

    private static JsonObject Describe(StoredTensor tensor, string path) => new()
    {
        ["path"] = path,
        ["dtype"] = tensor.DType.ToString(),
        ["shape"] = new JsonArray([.. tensor.Shape.ToArray().Select(d => (JsonNode)d)]),
        ["hex"] = Hex(tensor),
    };

    private static void Compare(List<string> differences, string where, StoredTensor tensor, string? path, JsonElement want, bool comparePaths)
    {
        string? wantPath = want.GetProperty("path").GetString();
        if (comparePaths && path != wantPath)
        {
            differences.Add($"{where}: path '{path}', expected '{wantPath}'");
        }

        string dtype = want.GetProperty("dtype").GetString()!;
        string shape = FormatShape(want.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        if (tensor.DType.ToString() != dtype || FormatShape(tensor.Shape.ToArray()) != shape)
        {
            differences.Add($"{where}: {tensor}, expected {dtype} {shape}");
            return;
        }

        string hex = Hex(tensor);
        string wantHex = want.GetProperty("hex").GetString()!;
        if (hex != wantHex)
        {
            int at = Enumerable.Range(0, hex.Length).First(i => hex[i] != wantHex[i]) / 2;
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: bytes differ from byte {at}: {hex}, expected {wantHex}"));
        }
    }

    private static string FormatShape(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
