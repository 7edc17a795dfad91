using System.Globalization;
using System.Numerics;
using System.Text.Json;
using DenseLinear.IO;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// Compares a fresh run of <c>oracles/torch/generate.py</c> with the committed fixtures the way values that cross
/// machines must be compared: what is an input to the computation bitwise, what torch computed within the bound.
/// </summary>
/// <remarks>
/// Bitwise: every file torch.save and numpy wrote (seeds, parameters, inputs and their bytes come from fixed seeds and
/// serial generators, so any CPU reproduces them), and every field of <c>manifest.json</c> but the computed ones.
/// Within the bound: each entry's <c>output</c>, torch's forward pass of an <c>nn.Sequential(Linear, ReLU, Linear)</c>,
/// which torch sums in a CPU-dependent order; held to <see cref="TwoLayerBound"/> on the committed inputs.
/// </remarks>
public static class FixtureComparison
{
    /// <summary>The manifest field, in a <c>pt</c> entry, that holds a value torch computed rather than wrote.</summary>
    public const string ComputedField = "output";

    /// <summary>Every difference between the two directories' fixtures, one message each; empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(string committed, string regenerated)
    {
        var differences = new List<string>();
        string[] committedFiles = RelativeFiles(committed), regeneratedFiles = RelativeFiles(regenerated);
        differences.AddRange(committedFiles.Except(regeneratedFiles, StringComparer.Ordinal).Select(f => $"{f}: committed but not written again"));
        differences.AddRange(regeneratedFiles.Except(committedFiles, StringComparer.Ordinal).Select(f => $"{f}: written but not committed"));
        foreach (string file in committedFiles.Intersect(regeneratedFiles, StringComparer.Ordinal))
        {
            if (file == "manifest.json")
            {
                CompareManifests(Path.Combine(committed, file), Path.Combine(regenerated, file), differences);
            }
            else
            {
                CompareBytes(file, File.ReadAllBytes(Path.Combine(committed, file)), File.ReadAllBytes(Path.Combine(regenerated, file)), differences);
            }
        }

        return differences;
    }

    private static string[] RelativeFiles(string directory) =>
        [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f)).Order(StringComparer.Ordinal)];

    private static void CompareBytes(string file, byte[] committed, byte[] regenerated, List<string> differences)
    {
        int length = Math.Min(committed.Length, regenerated.Length);
        int offset = committed.AsSpan(0, length).CommonPrefixLength(regenerated.AsSpan(0, length));
        if (offset < length || committed.Length != regenerated.Length)
        {
            differences.Add($"{file}: bytes differ from offset {offset} (committed {committed.Length} bytes, written {regenerated.Length}); a saved file must reproduce bitwise");
        }
    }

    private static void CompareManifests(string committedPath, string regeneratedPath, List<string> differences)
    {
        using JsonDocument committed = JsonDocument.Parse(File.ReadAllBytes(committedPath));
        using JsonDocument regenerated = JsonDocument.Parse(File.ReadAllBytes(regeneratedPath));
        var computed = new List<(string Entry, JsonElement Committed, JsonElement Regenerated)>();
        CompareElements("manifest.json", committed.RootElement, regenerated.RootElement, differences, computed);
        foreach ((string entry, JsonElement committedOutput, JsonElement regeneratedOutput) in computed)
        {
            JsonElement inputs = committed.RootElement.GetProperty("pt").GetProperty(entry);
            string dtype = inputs.GetProperty("tensors").GetProperty("0.weight").GetProperty("dtype").GetString()!;
            if (dtype == "float64")
            {
                CompareOutputs<double>(entry, inputs, committedOutput, regeneratedOutput, differences);
            }
            else
            {
                CompareOutputs<float>(entry, inputs, committedOutput, regeneratedOutput, differences);
            }
        }
    }

    private static void CompareElements(string path, JsonElement committed, JsonElement regenerated, List<string> differences, List<(string, JsonElement, JsonElement)> computed)
    {
        string[] parts = path.Split('/');
        if (parts is ["manifest.json", "pt", string entry, ComputedField])
        {
            computed.Add((entry, committed, regenerated));
            return;
        }

        if (committed.ValueKind != regenerated.ValueKind)
        {
            differences.Add($"{path}: committed {committed.ValueKind}, written {regenerated.ValueKind}");
        }
        else if (committed.ValueKind == JsonValueKind.Object)
        {
            var names = committed.EnumerateObject().Select(p => p.Name).Union(regenerated.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
            foreach (string name in names)
            {
                bool inCommitted = committed.TryGetProperty(name, out JsonElement a), inRegenerated = regenerated.TryGetProperty(name, out JsonElement b);
                if (inCommitted && inRegenerated)
                {
                    CompareElements($"{path}/{name}", a, b, differences, computed);
                }
                else
                {
                    differences.Add($"{path}/{name}: {(inCommitted ? "committed but not written again" : "written but not committed")}");
                }
            }
        }
        else if (committed.ValueKind == JsonValueKind.Array)
        {
            JsonElement[] a = [.. committed.EnumerateArray()], b = [.. regenerated.EnumerateArray()];
            if (a.Length != b.Length)
            {
                differences.Add($"{path}: committed {a.Length} items, written {b.Length}");
            }

            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                CompareElements($"{path}/{i}", a[i], b[i], differences, computed);
            }
        }
        else if (committed.GetRawText() is var a && regenerated.GetRawText() is var b && a != b)
        {
            int at = a.AsSpan().CommonPrefixLength(b);
            differences.Add($"{path}: committed {Excerpt(a, at)}, written {Excerpt(b, at)} (from character {at}); an input must reproduce bitwise");
        }
    }

    private static void CompareOutputs<T>(string entry, JsonElement inputs, JsonElement committed, JsonElement regenerated, List<string> differences)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorDType dtype = typeof(T) == typeof(float) ? TensorDType.Float32 : TensorDType.Float64;
        string where = $"manifest.json/pt/{entry}/{ComputedField}";
        string committedShape = Shape(committed), regeneratedShape = Shape(regenerated);
        if (committedShape != regeneratedShape)
        {
            differences.Add($"{where}: shape committed {committedShape}, written {regeneratedShape}");
            return;
        }

        JsonElement tensors = inputs.GetProperty("tensors");
        T[] Tensor(JsonElement e) => TorchFixtures.Expected(e, dtype).GetValues<T>().ToArray();
        T[] x = Tensor(inputs.GetProperty("input"));
        T[] ours = Tensor(committed), theirs = Tensor(regenerated);
        int m = (int)committed.GetProperty("shape")[0].GetInt64();
        double[] bounds = TwoLayerBound.Between(
            x, m, Tensor(tensors.GetProperty("0.weight")), Tensor(tensors.GetProperty("0.bias")), Tensor(tensors.GetProperty("2.weight")), Tensor(tensors.GetProperty("2.bias")));
        for (int i = 0; i < bounds.Length; i++)
        {
            double difference = Math.Abs(double.CreateChecked(ours[i]) - double.CreateChecked(theirs[i]));
            if (!(difference <= bounds[i]))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{where}[{i}] of shape {committedShape}: committed {ours[i]:R}, written {theirs[i]:R}, |difference| {difference:R} > bound {bounds[i]:R}"));
            }
        }
    }

    private static string Shape(JsonElement tensor) => $"[{string.Join(", ", tensor.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()))}]";

    /// <summary>Up to 24 characters of <paramref name="text"/> around <paramref name="at"/>, where it first differs.</summary>
    private static string Excerpt(string text, int at)
    {
        int start = Math.Max(0, Math.Min(at, text.Length) - 8);
        int length = Math.Min(24, text.Length - start);
        return (start > 0 ? "…" : "") + text.Substring(start, length) + (start + length < text.Length ? "…" : "");
    }
}
