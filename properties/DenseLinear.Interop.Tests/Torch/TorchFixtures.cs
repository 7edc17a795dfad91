using System.Text.Json;
using DenseLinear.IO;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>The files <c>oracles/torch/generate.py</c> wrote and what its <c>manifest.json</c> says they hold.</summary>
public static class TorchFixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "oracles", "torch", "fixtures");

    public static JsonDocument Manifest() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "manifest.json")));

    /// <summary>The names of the manifest's entries in section <paramref name="section"/> (<c>pt</c>, <c>npy</c> or <c>hostile</c>).</summary>
    public static string[] Names(string section)
    {
        using JsonDocument manifest = Manifest();
        return [.. manifest.RootElement.GetProperty(section).EnumerateObject().Select(entry => entry.Name)];
    }

    /// <summary><see cref="Names"/> as theory data.</summary>
    public static TheoryDataNames Rows(string section)
    {
        var rows = new TheoryDataNames();
        foreach (string name in Names(section))
        {
            rows.Add(name);
        }

        return rows;
    }

    /// <summary>A tensor the manifest records as dtype, shape and the hex of its little-endian C-order values.</summary>
    public static StoredTensor Expected(JsonElement entry, TensorDType dtype)
    {
        long[] shape = [.. entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64())];
        byte[] bytes = Convert.FromHexString(entry.GetProperty("hex").GetString()!);
        return dtype == TensorDType.Float32
            ? StoredTensor.Create<float>(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes), shape)
            : StoredTensor.Create<double>(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(bytes), shape);
    }

    /// <summary>torch's dtype names as the reader maps them (float16 and bfloat16 widen to float32).</summary>
    public static TensorDType DTypeOf(string torchDType) => torchDType == "float64" ? TensorDType.Float64 : TensorDType.Float32;
}
