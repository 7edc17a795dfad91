using System.Runtime.InteropServices;
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

    /// <summary>A tensor the manifest records as dtype, shape and the hex of its little-endian C-order values (16-bit types as their bits).</summary>
    public static StoredTensor Expected(JsonElement entry, TensorDType dtype)
    {
        long[] shape = [.. entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64())];
        byte[] bytes = Convert.FromHexString(entry.GetProperty("hex").GetString()!);
        return dtype switch
        {
            TensorDType.Float32 => StoredTensor.Create<float>(MemoryMarshal.Cast<byte, float>(bytes), shape),
            TensorDType.Float64 => StoredTensor.Create<double>(MemoryMarshal.Cast<byte, double>(bytes), shape),
            TensorDType.BFloat16 => StoredTensor.Create(MemoryMarshal.Cast<byte, BFloat16>(bytes), shape),
            _ => StoredTensor.Create<Half>(MemoryMarshal.Cast<byte, Half>(bytes), shape),
        };
    }

    /// <summary>torch's and numpy's dtype names as the readers map them; the 16-bit types are kept as stored.</summary>
    public static TensorDType DTypeOf(string torchDType) => torchDType switch
    {
        "float32" => TensorDType.Float32,
        "float64" => TensorDType.Float64,
        "bfloat16" => TensorDType.BFloat16,
        "float16" => TensorDType.Float16,
        _ => throw new ArgumentException($"The manifest names dtype '{torchDType}', which no reader returns.", nameof(torchDType)),
    };
}
