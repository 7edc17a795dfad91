using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Keras;

/// <summary>
/// Hostile Keras input without Python (the committed fixtures of oracles/keras/fixtures): sizes that lie and files of
/// another kind, each refused with an <see cref="InvalidDataException"/> that names the object or says what the file is.
/// </summary>
public sealed class KerasHostileInputTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "oracles", "keras", "fixtures", name);

    [Fact]
    public void A_dataset_whose_dimensions_claim_more_bytes_than_the_file_is_refused_by_name()
    {
        var e = Assert.Throws<InvalidDataException>(() => StoredModel.ReadFile(Fixture("refuse_huge_dims.weights.h5")));
        Assert.Contains("'layers/dense/vars/0' claims [100000, 100000] × 4 bytes, more than the file's", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_archive_member_declaring_an_impossible_size_is_refused_by_name()
    {
        byte[] zip = Archive(("config.json", "{}"u8.ToArray()), ("model.weights.h5", File.ReadAllBytes(Fixture("small_f16.weights.h5"))));
        int central = zip.AsSpan().IndexOf("PK\u0001\u0002"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 24), 0x7FFF_0000); // config.json's uncompressed size
        var e = Assert.Throws<InvalidDataException>(() => KerasModelFile.Read(zip));
        Assert.StartsWith("keras: archive member 'config.json' declares 2147418112 bytes from 2 compressed bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heap_claiming_more_than_the_file_is_refused_before_anything_is_allocated()
    {
        byte[] file = File.ReadAllBytes(Fixture("small_f16.weights.h5"));
        int heap = file.AsSpan().IndexOf("HEAP"u8);
        file[heap + 10] = 0xFF; // the data segment size
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InvalidDataException>(() => KerasModelFile.Read(file));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 32L * file.Length);
        Assert.Contains("the local heap of '/' claims", e.Message, StringComparison.Ordinal);
        Assert.Contains("past the file's end", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_HDF5_file_named_safetensors_is_read_as_the_HDF5_it_is()
    {
        string path = Path.Combine(Path.GetTempPath(), $"denselinear-{Guid.NewGuid():N}.safetensors");
        File.Copy(Fixture("small_f16.weights.h5"), path);
        try
        {
            Assert.Equal(ModelFileFormat.KerasWeights, StoredModel.ReadFile(path).Format);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("zip", "keras: the zip archive lacks 'config.json' or 'model.weights.h5'; it is not a .keras archive (entries: notes.txt)")]
    [InlineData("npy", "keras: the file is a NumPy .npy file, not a .keras archive or a Keras HDF5 file.")]
    [InlineData("pickle", "keras: the file is a bare pickle (a PyTorch checkpoint saved before torch 1.6")]
    [InlineData("safetensors", "keras: the file is a safetensors file, not a .keras archive")]
    [InlineData("garbage", "keras: the file is none of zip, HDF5, .npy, pickle or safetensors")]
    public void KerasModelFile_names_what_another_file_is(string kind, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => KerasModelFile.Read(Other(kind)));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("npy", "The file is a NumPy .npy file, not a model file")]
    [InlineData("pickle", "The file is a bare pickle (a PyTorch checkpoint saved before torch 1.6")]
    [InlineData("garbage", "The file is none of zip, HDF5, .npy, pickle or safetensors, not a model file")]
    public void StoredModel_names_what_a_file_of_no_model_format_is(string kind, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => StoredModel.Read(Other(kind)));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    private static byte[] Other(string kind) => kind switch
    {
        "zip" => Archive(("notes.txt", "hello"u8.ToArray())),
        "npy" => NpyFile.ToBytes(StoredTensor.Create<float>([1f, 2f], 2)),
        "pickle" => [0x80, 0x02, (byte)'}', (byte)'q', 0x00, (byte)'.'],
        "safetensors" => SafetensorsFile.ToBytes(new SafetensorsContent([new("w", StoredTensor.Create<float>([1f], 1))])),
        _ => Encoding.ASCII.GetBytes("this is not a model file at all"),
    };

    private static byte[] Archive(params (string Name, byte[] Bytes)[] members)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] bytes) in members)
            {
                using Stream stream = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }
}
