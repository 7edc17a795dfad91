using System.Buffers.Binary;

namespace DenseLinear.IO;

/// <summary>
/// What kind of container a file's first bytes say it is: the zip local-header magic, the HDF5 superblock signature
/// (at byte 0 or after a user block of 512, 1024, 2048, … bytes), the <c>.npy</c> magic, a pickle protocol opcode, or
/// a safetensors header (a little-endian length followed by <c>{</c>).
/// </summary>
internal static class FileSignature
{
    private static ReadOnlySpan<byte> Hdf5Magic => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> NpyMagic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The container kind of <paramref name="file"/>.</summary>
    public static FileContainer Detect(ReadOnlySpan<byte> file)
    {
        if (file.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(file) is ZipRecords.LocalHeaderSignature or ZipRecords.EndOfCentralDirectorySignature)
        {
            return FileContainer.Zip;
        }

        if (Hdf5SuperblockOffset(file) >= 0)
        {
            return FileContainer.Hdf5;
        }

        if (file.StartsWith(NpyMagic))
        {
            return FileContainer.Npy;
        }

        if (file.Length >= 2 && file[0] == 0x80 && file[1] <= 5)
        {
            return FileContainer.Pickle;
        }

        return file.Length >= 9 && file[8] == (byte)'{' && BinaryPrimitives.ReadUInt64LittleEndian(file) <= (ulong)(file.Length - 8)
            ? FileContainer.Safetensors
            : FileContainer.Unknown;
    }

    /// <summary>Where the HDF5 superblock starts (0, 512, 1024, …), or −1 when the file has none.</summary>
    public static long Hdf5SuperblockOffset(ReadOnlySpan<byte> file)
    {
        for (long offset = 0; offset <= file.Length - Hdf5Magic.Length; offset = offset == 0 ? 512 : offset * 2)
        {
            if (file.Slice((int)offset, Hdf5Magic.Length).SequenceEqual(Hdf5Magic))
            {
                return offset;
            }
        }

        return -1;
    }

    /// <summary>A user's words for the kind, for messages that refuse a file.</summary>
    public static string Describe(FileContainer container) => container switch
    {
        FileContainer.Zip => "a zip archive",
        FileContainer.Hdf5 => "an HDF5 file (Keras .h5 / .weights.h5)",
        FileContainer.Npy => "a NumPy .npy file",
        FileContainer.Pickle => "a bare pickle (a PyTorch checkpoint saved before torch 1.6, or with _use_new_zipfile_serialization=False)",
        FileContainer.Safetensors => "a safetensors file",
        _ => "none of zip, HDF5, .npy, pickle or safetensors",
    };
}
