using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.IO;

/// <summary>
/// The records of a zip archive whose entries are all stored uncompressed, as <c>torch.save</c> writes them; each
/// record is a byte range of the file.
/// </summary>
/// <remarks>
/// Read from the end-of-central-directory record (the last 22 bytes plus an optional comment), then the central
/// directory, then each entry's local header for its name and extra-field lengths. The sizes come from the central
/// directory because torch's writer sets general-purpose flag bit 3 (sizes in a trailing data descriptor) and leaves
/// the local header's sizes zero. Every offset and size is checked against the file before use; compressed,
/// encrypted or multi-disk entries, repeated names and sizes of 4 GiB or more (zip64 values) are refused.
/// </remarks>
internal static class StoredZipArchive
{
    private const ushort EncryptedFlag = 1;

    /// <summary>Maps each record name to its byte range in <paramref name="file"/>, in central-directory order.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such an archive.</exception>
    public static List<KeyValuePair<string, Range>> ReadRecords(ReadOnlySpan<byte> file)
    {
        int end = FindEndOfCentralDirectory(file);
        ReadOnlySpan<byte> eocd = file.Slice(end, ZipRecords.EndOfCentralDirectorySize);
        ushort disk = BinaryPrimitives.ReadUInt16LittleEndian(eocd[4..]);
        ushort directoryDisk = BinaryPrimitives.ReadUInt16LittleEndian(eocd[6..]);
        ushort entriesOnDisk = BinaryPrimitives.ReadUInt16LittleEndian(eocd[8..]);
        ushort entries = BinaryPrimitives.ReadUInt16LittleEndian(eocd[10..]);
        uint directorySize = BinaryPrimitives.ReadUInt32LittleEndian(eocd[12..]);
        uint directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(eocd[16..]);
        if (disk != 0 || directoryDisk != 0 || entriesOnDisk != entries)
        {
            throw new InvalidDataException("pt: the zip archive spans several disks.");
        }

        if (directoryOffset > (uint)end || directorySize > (uint)end - directoryOffset)
        {
            throw new InvalidDataException($"pt: the zip central directory ({directorySize} bytes at {directoryOffset}) runs past its end record at {end}.");
        }

        var records = new List<KeyValuePair<string, Range>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        int position = (int)directoryOffset;
        int directoryEnd = (int)(directoryOffset + directorySize);
        for (int i = 0; i < entries; i++)
        {
            if (directoryEnd - position < ZipRecords.CentralHeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(file[position..]) != ZipRecords.CentralHeaderSignature)
            {
                throw new InvalidDataException($"pt: zip central directory entry {i} at {position} is missing or truncated.");
            }

            ReadOnlySpan<byte> header = file.Slice(position, ZipRecords.CentralHeaderSize);
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            ushort method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            uint compressedSize = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            uint localOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            if ((long)nameLength + extraLength + commentLength > directoryEnd - position - ZipRecords.CentralHeaderSize)
            {
                throw new InvalidDataException($"pt: zip central directory entry {i} has a name or extra field past the directory's end.");
            }

            string name = DecodeName(file.Slice(position + ZipRecords.CentralHeaderSize, nameLength), i);
            if (method != 0 || (flags & EncryptedFlag) != 0)
            {
                throw new InvalidDataException($"pt: zip record '{name}' is compressed (method {method}) or encrypted; torch.save stores records uncompressed.");
            }

            if (compressedSize != size || size == uint.MaxValue || localOffset == uint.MaxValue)
            {
                throw new InvalidDataException($"pt: zip record '{name}' has stored size {compressedSize} but size {size}, or a zip64 size, which is not read.");
            }

            Range data = LocateData(file, name, localOffset, size, (int)directoryOffset);
            if (!names.Add(name))
            {
                throw new InvalidDataException($"pt: zip record '{name}' appears twice.");
            }

            records.Add(new(name, data));
            position += ZipRecords.CentralHeaderSize + nameLength + extraLength + commentLength;
        }

        return records;
    }

    private static int FindEndOfCentralDirectory(ReadOnlySpan<byte> file)
    {
        // The record is 22 bytes plus a comment of at most 65535; the comment's length must reach the file's end.
        int lowest = Math.Max(0, file.Length - ZipRecords.EndOfCentralDirectorySize - ushort.MaxValue);
        for (int start = file.Length - ZipRecords.EndOfCentralDirectorySize; start >= lowest; start--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(file[start..]) == ZipRecords.EndOfCentralDirectorySignature
                && BinaryPrimitives.ReadUInt16LittleEndian(file[(start + 20)..]) == file.Length - start - ZipRecords.EndOfCentralDirectorySize)
            {
                return start;
            }
        }

        FileContainer container = FileSignature.Detect(file);
        throw new InvalidDataException(container is FileContainer.Zip or FileContainer.Unknown
            ? $"pt: no zip end-of-central-directory record in the file's last {file.Length - lowest} bytes; not a torch.save zip checkpoint."
            : $"pt: the file is {FileSignature.Describe(container)}, not a torch.save zip checkpoint.");
    }

    private static Range LocateData(ReadOnlySpan<byte> file, string name, uint localOffset, uint size, int directoryOffset)
    {
        if (localOffset > (uint)directoryOffset || directoryOffset - localOffset < ZipRecords.LocalHeaderSize
            || BinaryPrimitives.ReadUInt32LittleEndian(file[(int)localOffset..]) != ZipRecords.LocalHeaderSignature)
        {
            throw new InvalidDataException($"pt: zip record '{name}' has no local header at offset {localOffset}.");
        }

        ReadOnlySpan<byte> local = file.Slice((int)localOffset, ZipRecords.LocalHeaderSize);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(local[26..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(local[28..]);
        long start = (long)localOffset + ZipRecords.LocalHeaderSize + nameLength + extraLength;
        if (start > directoryOffset || size > directoryOffset - start)
        {
            throw new InvalidDataException($"pt: zip record '{name}' ({size} bytes at {start}) runs into the central directory at {directoryOffset}.");
        }

        if (!file.Slice((int)localOffset + ZipRecords.LocalHeaderSize, nameLength).SequenceEqual(Encoding.UTF8.GetBytes(name)))
        {
            throw new InvalidDataException($"pt: zip record '{name}' has another name in its local header.");
        }

        return new Range((int)start, (int)(start + size));
    }

    private static string DecodeName(ReadOnlySpan<byte> bytes, int index)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw new InvalidDataException($"pt: zip record {index}'s name is not valid UTF-8.");
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
