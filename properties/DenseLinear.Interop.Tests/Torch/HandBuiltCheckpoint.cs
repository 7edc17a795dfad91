using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// Writes <c>.pt</c> files by hand: a zip of stored records, laid out as torch.save lays them out (local header, name,
/// data; then the central directory and its end record), with records the test chooses. The reader is tested on
/// what torch.save cannot be made to write: other opcodes, other storage types, big-endian data, broken pickles.
/// </summary>
public static class HandBuiltCheckpoint
{
    /// <summary>
    /// A checkpoint in the top folder <c>archive/</c>: <c>data.pkl</c>, <c>byteorder</c> (when not null) and one
    /// <c>data/&lt;key&gt;</c> record per storage.
    /// </summary>
    public static byte[] Create(byte[] pickle, string? byteOrder = "little", params (string Key, byte[] Data)[] storages)
    {
        var records = new List<(string, byte[])> { ("archive/data.pkl", pickle) };
        if (byteOrder is not null)
        {
            records.Add(("archive/byteorder", Encoding.ASCII.GetBytes(byteOrder)));
        }

        foreach ((string key, byte[] data) in storages)
        {
            records.Add(($"archive/data/{key}", data));
        }

        records.Add(("archive/version", "3\n"u8.ToArray()));
        return Zip([.. records]);
    }

    /// <summary>A zip archive of <paramref name="records"/>, each stored (method 0) with its CRC-32.</summary>
    public static byte[] Zip(params (string Name, byte[] Data)[] records)
    {
        var file = new List<byte>();
        var central = new List<byte>();
        foreach ((string name, byte[] data) in records)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(name);
            uint crc = Crc32(data);
            int offset = file.Count;
            file.AddRange(U32(0x04034b50));
            file.AddRange(U16(20));
            file.AddRange(U16(0));
            file.AddRange(U16(0));
            file.AddRange(U32(0));
            file.AddRange(U32(crc));
            file.AddRange(U32((uint)data.Length));
            file.AddRange(U32((uint)data.Length));
            file.AddRange(U16(utf8.Length));
            file.AddRange(U16(0));
            file.AddRange(utf8);
            file.AddRange(data);

            central.AddRange(U32(0x02014b50));
            central.AddRange(U16(20));
            central.AddRange(U16(20));
            central.AddRange(U16(0));
            central.AddRange(U16(0));
            central.AddRange(U32(0));
            central.AddRange(U32(crc));
            central.AddRange(U32((uint)data.Length));
            central.AddRange(U32((uint)data.Length));
            central.AddRange(U16(utf8.Length));
            central.AddRange(U16(0));
            central.AddRange(U16(0));
            central.AddRange(U16(0));
            central.AddRange(U16(0));
            central.AddRange(U32(0));
            central.AddRange(U32((uint)offset));
            central.AddRange(utf8);
        }

        int directoryOffset = file.Count;
        file.AddRange(central);
        file.AddRange(U32(0x06054b50));
        file.AddRange(U16(0));
        file.AddRange(U16(0));
        file.AddRange(U16(records.Length));
        file.AddRange(U16(records.Length));
        file.AddRange(U32((uint)central.Count));
        file.AddRange(U32((uint)directoryOffset));
        file.AddRange(U16(0));
        return [.. file];
    }

    /// <summary>The little-endian bytes of <paramref name="values"/>, or big-endian ones.</summary>
    public static byte[] Floats(bool bigEndian, params float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
            }
            else
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
            }
        }

        return bytes;
    }

    private static byte[] U16(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        return bytes;
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>The zip CRC-32 (reflected polynomial 0xEDB88320), bit by bit: the reader does not check it, but a zip tool would; the writer's table-driven one is checked against it.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = uint.MaxValue;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
