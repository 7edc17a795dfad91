using System.Text.Json.Nodes;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// The live torch oracle loads what <see cref="PyTorchCheckpointFile.WriteFile"/> wrote with
/// <c>torch.load(path, weights_only=True)</c>: an <c>OrderedDict</c> with the same names in the same order, dtypes,
/// shapes, contiguous strides and bits.
/// </summary>
public sealed class TorchLoadsWrittenCheckpointTests
{
    [TorchFact]
    public void Torch_loads_every_dtype_and_shape_bitwise_with_the_names_in_order()
    {
        SafetensorsContent content = WrittenStateDicts.EveryDTypeAndShape(2063);
        JsonObject loaded = Load(content);
        Assert.Equal("OrderedDict", (string?)loaded["type"]);
        Assert.Null((string?)loaded["bad_crc"]);
        Assert.Equal(content.Names, Strings(loaded["names"]));
        for (int i = 0; i < content.Names.Count; i++)
        {
            StoredTensor tensor = content[content.Names[i]];
            string where = $"'{content.Names[i]}' ({tensor})";
            Assert.True(WrittenStateDicts.TorchName(tensor.DType) == (string?)loaded["dtypes"]![i], $"{where}: torch reads {loaded["dtypes"]![i]}");
            Assert.True(tensor.Shape.SequenceEqual(Longs(loaded["shapes"]![i])), $"{where}: torch reads shape {loaded["shapes"]![i]!.ToJsonString()}");
            Assert.True(Longs(loaded["contiguous_strides"]![i]).SequenceEqual(Longs(loaded["strides"]![i])), $"{where}: torch reads strides {loaded["strides"]![i]!.ToJsonString()}, not {loaded["contiguous_strides"]![i]!.ToJsonString()}");
            Assert.True((long?)loaded["offsets"]![i] == 0, $"{where}: torch reads storage offset {loaded["offsets"]![i]}");
            Assert.True(Convert.ToHexStringLower(WrittenStateDicts.Bytes(tensor)) == (string?)loaded["hex"]![i], $"{where}: torch reads other bits");
        }
    }

    [TorchFact]
    public void Torch_loads_a_tensor_written_under_two_names_as_one_storage()
    {
        StoredTensor tied = StoredTensor.Create<float>([1, 2, 3, 4, 5, 6], 2, 3);
        StoredTensor equal = StoredTensor.Create<float>([1, 2, 3, 4, 5, 6], 2, 3);
        JsonObject loaded = Load(new SafetensorsContent([new("embedding.weight", tied), new("other", equal), new("head.weight", tied)]));
        Assert.Equal(["embedding.weight", "other", "head.weight"], Strings(loaded["names"]));
        Assert.Equal([0L, 1L, 0L], Longs(loaded["storages"]));
        Assert.All(Strings(loaded["hex"]), hex => Assert.Equal(Convert.ToHexStringLower(WrittenStateDicts.Bytes(tied)), hex));
    }

    [TorchFact]
    public void Torch_loads_an_empty_state_dict()
    {
        JsonObject loaded = Load(new SafetensorsContent([]));
        Assert.Equal("OrderedDict", (string?)loaded["type"]);
        Assert.Empty(Strings(loaded["names"]));
    }

    [TorchFact]
    public void Pythons_zipfile_finds_every_CRC_right_and_one_changed_storage_byte_wrong()
    {
        // torch 1.13 loads a record whatever its CRC-32; zipfile.testzip checks them (the facts above all load with it).
        SafetensorsContent content = WrittenStateDicts.EveryDTypeAndShape(2069);
        byte[] file = PyTorchCheckpointFile.ToBytes(content);
        Assert.Null((string?)Load(file)["bad_crc"]);
        int key = content.Names.ToList().FindIndex(name => content[name].ElementCount > 100);
        int at = file.AsSpan().IndexOf(WrittenStateDicts.Bytes(content[content.Names[key]]));
        file[at + 50] ^= 1;
        Assert.Equal($"archive/data/{key}", (string?)Load(file)["bad_crc"]);
    }

    private static JsonObject Load(SafetensorsContent content) => Load(path => PyTorchCheckpointFile.WriteFile(path, content));

    private static JsonObject Load(byte[] file) => Load(path => File.WriteAllBytes(path, file));

    private static JsonObject Load(Action<string> write)
    {
        string path = Path.Combine(Path.GetTempPath(), $"denselinear-writer-{Guid.NewGuid():N}.pt");
        try
        {
            write(path);
            return TorchWorker.Shared.Ask(new JsonObject { ["load_state_dict_file"] = path });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(node => (string)node!)];

    private static long[] Longs(JsonNode? array) => [.. array!.AsArray().Select(node => (long)node!)];
}
