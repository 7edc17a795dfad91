using System.IO.Compression;
using System.Text;
using DenseLinear.IO;
using Xunit;
using static DenseLinear.Interop.Tests.Torch.FixtureZip;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// <see cref="PyTorchCheckpointFile"/>'s writer against its own reader (bitwise, every dtype and shape, names in order)
/// and against the layout torch.save writes, walked independently of the reader.
/// </summary>
public sealed class CheckpointWriterTests
{
    public static TheoryData<TensorDType> DTypes => [.. WrittenStateDicts.DTypes];

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Every_shape_of_a_dtype_round_trips_bitwise_through_the_reader(TensorDType dtype)
    {
        var random = new Random(2041 + (int)dtype);
        var written = new SafetensorsContent(WrittenStateDicts.Shapes.Select((shape, i) =>
            new KeyValuePair<string, StoredTensor>($"t{i}", WrittenStateDicts.RandomBits(random, dtype, shape))));
        SafetensorsContent read = PyTorchCheckpointFile.Read(PyTorchCheckpointFile.ToBytes(written));
        AssertSame(written, read);
    }

    [Fact]
    public void A_mixed_state_dict_round_trips_bitwise_with_its_names_in_order()
    {
        SafetensorsContent written = WrittenStateDicts.EveryDTypeAndShape(2043);
        SafetensorsContent read = PyTorchCheckpointFile.Read(PyTorchCheckpointFile.ToBytes(written));
        Assert.NotEqual(written.Names.Order(StringComparer.Ordinal), written.Names);
        AssertSame(written, read);
    }

    [Fact]
    public void An_empty_state_dict_round_trips()
    {
        byte[] file = PyTorchCheckpointFile.ToBytes(new SafetensorsContent([]));
        Assert.Empty(PyTorchCheckpointFile.Read(file).Names);
        Assert.Equal(["archive/data.pkl", "archive/byteorder", "archive/version"], Names(file));
    }

    [Fact]
    public void The_records_are_torch_saves_stored_and_64_byte_aligned_with_valid_CRCs()
    {
        SafetensorsContent content = WrittenStateDicts.EveryDTypeAndShape(2047);
        byte[] file = PyTorchCheckpointFile.ToBytes(content);
        string[] storages = [.. Enumerable.Range(0, content.Names.Count).Select(i => $"archive/data/{i}")];
        Assert.Equal(["archive/data.pkl", "archive/byteorder", .. storages, "archive/version"], Names(file));

        // System.IO.Compression is a zip reader of its own (it does not check CRCs: the bitwise CRC below does).
        using var archive = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        Assert.Equal("3\n", Encoding.ASCII.GetString(Read(archive, "archive/version")));
        Assert.Equal("little", Encoding.ASCII.GetString(Read(archive, "archive/byteorder")));
        for (int i = 0; i < content.Names.Count; i++)
        {
            Assert.Equal(WrittenStateDicts.Bytes(content[content.Names[i]]), Read(archive, storages[i]));
        }

        for (int entry = 0; entry < Entries(file); entry++)
        {
            int central = Central(file, entry);
            int local = (int)U32(file, central + 42);
            int dataStart = local + LocalSize + U16(file, local + 26) + U16(file, local + 28);
            Assert.True(U16(file, central + 10) == 0, $"{Name(file, entry)} is compressed");
            Assert.True(dataStart % 64 == 0, $"{Name(file, entry)}'s data starts at {dataStart}, not on a 64-byte boundary");
            uint crc = HandBuiltCheckpoint.Crc32(file.AsSpan(dataStart, (int)U32(file, central + 24)));
            Assert.True(U32(file, central + 16) == crc && U32(file, local + 14) == crc, $"{Name(file, entry)}'s CRC-32 is not {crc:x8}");
        }
    }

    [Fact]
    public void Write_WriteFile_and_ToBytes_give_the_same_bytes_every_time()
    {
        SafetensorsContent content = WrittenStateDicts.EveryDTypeAndShape(2059);
        byte[] bytes = PyTorchCheckpointFile.ToBytes(content);
        Assert.Equal(bytes, PyTorchCheckpointFile.ToBytes(content));
        using var stream = new MemoryStream();
        stream.Write([1, 2, 3]);
        PyTorchCheckpointFile.Write(stream, content);
        Assert.Equal([1, 2, 3, .. bytes], stream.ToArray());

        string path = Path.Combine(Path.GetTempPath(), $"denselinear-writer-{Guid.NewGuid():N}.pt");
        try
        {
            PyTorchCheckpointFile.WriteFile(path, content);
            Assert.Equal(bytes, File.ReadAllBytes(path));
            AssertSame(content, PyTorchCheckpointFile.ReadFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_tensor_under_two_names_is_stored_once_and_read_under_both()
    {
        StoredTensor tied = StoredTensor.Create<float>([1, 2, 3, 4, 5, 6], 2, 3);
        StoredTensor equal = StoredTensor.Create<float>([1, 2, 3, 4, 5, 6], 2, 3);
        var content = new SafetensorsContent([new("embedding.weight", tied), new("other", equal), new("head.weight", tied)]);
        byte[] file = PyTorchCheckpointFile.ToBytes(content);
        Assert.Equal(["archive/data.pkl", "archive/byteorder", "archive/data/0", "archive/data/1", "archive/version"], Names(file));
        AssertSame(content, PyTorchCheckpointFile.Read(file));
    }

    [Fact]
    public void Metadata_is_left_out_as_a_state_dict_has_no_place_for_it()
    {
        StoredTensor tensor = StoredTensor.Create<double>([1.5], 1);
        byte[] withMetadata = PyTorchCheckpointFile.ToBytes(new SafetensorsContent([new("w", tensor)], [new("format", "pt")]));
        Assert.Equal(PyTorchCheckpointFile.ToBytes(new SafetensorsContent([new("w", tensor)])), withMetadata);
        Assert.Empty(PyTorchCheckpointFile.Read(withMetadata).Metadata);
    }

    [Fact]
    public void Missing_arguments_are_rejected()
    {
        var content = new SafetensorsContent([]);
        Assert.Throws<ArgumentNullException>(() => PyTorchCheckpointFile.ToBytes(null!));
        Assert.Throws<ArgumentNullException>(() => PyTorchCheckpointFile.Write(null!, content));
        Assert.Throws<ArgumentNullException>(() => PyTorchCheckpointFile.Write(new MemoryStream(), null!));
        Assert.Throws<ArgumentNullException>(() => PyTorchCheckpointFile.WriteFile(null!, content));
        Assert.Throws<ArgumentNullException>(() => PyTorchCheckpointFile.WriteFile("unused.pt", null!));
    }

    [Fact]
    public void A_name_with_a_lone_surrogate_is_refused_before_anything_is_written()
    {
        var content = new SafetensorsContent([new("ok", StoredTensor.Create<float>([1], 1)), new("bad\ud800", StoredTensor.Create<float>([2], 1))]);
        using var stream = new MemoryStream();
        ArgumentException e = Assert.Throws<ArgumentException>(() => PyTorchCheckpointFile.Write(stream, content));
        Assert.Contains("is not valid UTF-16", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);

        string path = Path.Combine(Path.GetTempPath(), $"denselinear-writer-{Guid.NewGuid():N}.pt");
        Assert.Throws<ArgumentException>(() => PyTorchCheckpointFile.WriteFile(path, content));
        Assert.False(File.Exists(path), "a refused checkpoint left a file behind");
    }

    private static void AssertSame(SafetensorsContent expected, SafetensorsContent actual)
    {
        Assert.Equal(expected.Names, actual.Names);
        foreach (string name in expected.Names)
        {
            Assert.True(expected[name].BitwiseEquals(actual[name]), $"'{name}': wrote {expected[name]}, read {actual[name]} or other bits");
        }
    }

    private static List<string> Names(byte[] file) => [.. Enumerable.Range(0, Entries(file)).Select(entry => Name(file, entry))];

    private static byte[] Read(ZipArchive archive, string name)
    {
        ZipArchiveEntry entry = archive.GetEntry(name) ?? throw new InvalidOperationException($"no record {name}");
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
