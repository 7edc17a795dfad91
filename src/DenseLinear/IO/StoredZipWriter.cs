using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.IO;

/// <summary>
/// Writes a zip archive of uncompressed records to a stream, laid out as <c>torch.save</c> lays them out: each local
/// header carries an extra field <c>FB</c> of <c>Z</c> padding that starts the record's data on a 64-byte boundary
/// (so a loader can map storages in place), then the central directory and its end record.
/// </summary>
/// <remarks>
/// Unlike torch's writer, sizes and CRC-32 go in the local header (no trailing data descriptor): the data is known
/// before its header is written, and every zip reader accepts that form. Offsets and sizes must stay below 4 GiB and
/// the records at most 65534, as the archive is written without zip64 (which <see cref="StoredZipArchive"/> refuses).
/// </remarks>
internal sealed class StoredZipWriter
{
    private const int ExtraFieldHeaderSize = 4;
    private const int Alignment = 64;
    private const ushort Version = 20;
    private const ushort PaddingFieldId = 0x4246; // "FB", the id torch's writer gives its padding field.

    private static readonly uint[] CrcTable = CreateCrcTable();

    private readonly Stream stream;
    private readonly List<(byte[] Name, uint Crc, uint Size, uint Offset)> records = [];
    private long position;

    public StoredZipWriter(Stream stream) => this.stream = stream;

    /// <summary>Appends the record <paramref name="name"/> holding <paramref name="data"/>.</summary>
    /// <exception cref="NotSupportedException">The archive would need zip64.</exception>
    public void Add(string name, ReadOnlySpan<byte> data)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(name);
        long dataStart = position + ZipRecords.LocalHeaderSize + utf8.Length + ExtraFieldHeaderSize;
        int padding = (int)((Alignment - (dataStart % Alignment)) % Alignment);
        long end = dataStart + padding + data.Length;
        if (records.Count >= ushort.MaxValue - 1 || end >= uint.MaxValue)
        {
            throw new NotSupportedException($"pt: the record '{name}' would end at byte {end} as record {records.Count + 1}; archives of 4 GiB or more or of more than 65534 records need zip64, which is not written.");
        }

        uint crc = Crc32(data);
        var header = new byte[ZipRecords.LocalHeaderSize + utf8.Length + ExtraFieldHeaderSize + padding];
        Span<byte> span = header;
        BinaryPrimitives.WriteUInt32LittleEndian(span, ZipRecords.LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);

        // Flags, method (0, stored), time and date stay zero, so equal content gives equal bytes.
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], (uint)data.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)utf8.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)(ExtraFieldHeaderSize + padding));
        utf8.CopyTo(span[ZipRecords.LocalHeaderSize..]);
        Span<byte> extra = span[(ZipRecords.LocalHeaderSize + utf8.Length)..];
        BinaryPrimitives.WriteUInt16LittleEndian(extra, PaddingFieldId);
        BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], (ushort)padding);
        extra[ExtraFieldHeaderSize..].Fill((byte)'Z');

        stream.Write(header);
        stream.Write(data);
        records.Add((utf8, crc, (uint)data.Length, (uint)position));
        position = end;
    }

    /// <summary>Writes the central directory and its end record.</summary>
    /// <exception cref="NotSupportedException">The archive would need zip64.</exception>
    public void Finish()
    {
        using var directory = new MemoryStream();
        foreach ((byte[] name, uint crc, uint size, uint offset) in records)
        {
            var header = new byte[ZipRecords.CentralHeaderSize];
            Span<byte> span = header;
            BinaryPrimitives.WriteUInt32LittleEndian(span, ZipRecords.CentralHeaderSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], Version);
            BinaryPrimitives.WriteUInt32LittleEndian(span[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(span[20..], size);
            BinaryPrimitives.WriteUInt32LittleEndian(span[24..], size);
            BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(span[42..], offset);
            directory.Write(header);
            directory.Write(name);
        }

        if (position + directory.Length >= uint.MaxValue)
        {
            throw new NotSupportedException($"pt: the zip central directory would end at byte {position + directory.Length}; archives of 4 GiB or more need zip64, which is not written.");
        }

        var end = new byte[ZipRecords.EndOfCentralDirectorySize];
        BinaryPrimitives.WriteUInt32LittleEndian(end, ZipRecords.EndOfCentralDirectorySignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)records.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)records.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)directory.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), (uint)position);
        stream.Write(directory.GetBuffer().AsSpan(0, (int)directory.Length));
        stream.Write(end);
        position += directory.Length + ZipRecords.EndOfCentralDirectorySize;
    }

    // The zip CRC-32 (reflected polynomial 0xEDB88320): torch 1.13 does not check it, but zip tools (Python's zipfile) do.
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = uint.MaxValue;
        foreach (byte b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < table.Length; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB88320u : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
