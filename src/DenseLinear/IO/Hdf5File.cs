using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.IO;

/// <summary>
/// The structure of an HDF5 file, read as hostile input: the superblock (versions 0 to 3) and object headers
/// (version 1, and version 2 'OHDR' with 'OCHK' continuations), each parsed once. Every offset and size is checked
/// against the file before use, every walk is bounded (each header and continuation block is visited once), and every
/// failure is an <see cref="InvalidDataException"/> naming the structure and its byte position.
/// </summary>
/// <remarks>
/// Only 8-byte offsets and lengths are read, the sizes every HDF5 library writes by default. Checksums of version 2
/// structures are not verified: a corrupted byte is caught by the checks on what it decodes to.
/// </remarks>
internal sealed class Hdf5File
{
    /// <summary>The "undefined address" of the format: all bits set.</summary>
    public const ulong Undefined = ulong.MaxValue;

    private const int MaximumContinuations = 4096;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly byte[] bytes;
    private readonly long baseAddress;
    private readonly Dictionary<long, List<Hdf5Message>> headers = [];

    private Hdf5File(byte[] bytes, long baseAddress, long rootAddress)
    {
        this.bytes = bytes;
        this.baseAddress = baseAddress;
        RootAddress = rootAddress;
    }

    /// <summary>The file's length in bytes.</summary>
    public long Length => bytes.Length;

    /// <summary>The absolute position of the root group's object header.</summary>
    public long RootAddress { get; }

    /// <summary>Reads the superblock.</summary>
    /// <exception cref="InvalidDataException">There is no superblock, or it is of a kind not read.</exception>
    public static Hdf5File Open(byte[] bytes)
    {
        long superblock = FileSignature.Hdf5SuperblockOffset(bytes);
        if (superblock < 0)
        {
            throw new InvalidDataException("hdf5: no HDF5 signature at byte 0, 512, 1024, ….");
        }

        var probe = new Hdf5File(bytes, 0, 0);
        ReadOnlySpan<byte> head = probe.Span(superblock, 9, "the superblock");
        byte version = head[8];
        (int sizesAt, int baseAt, int rootAt) = version switch
        {
            0 => (13, 24, 24 + 32 + 8),
            1 => (13, 28, 28 + 32 + 8),
            2 or 3 => (9, 12, 36),
            _ => throw new InvalidDataException($"hdf5: superblock version {version} is not read (versions 0 to 3 are)."),
        };
        ReadOnlySpan<byte> block = probe.Span(superblock, rootAt + 8, "the superblock");
        if (block[sizesAt] != 8 || block[sizesAt + 1] != 8)
        {
            throw new InvalidDataException($"hdf5: the superblock gives {block[sizesAt]}-byte offsets and {block[sizesAt + 1]}-byte lengths; only 8 and 8 are read.");
        }

        ulong baseAddress = BinaryPrimitives.ReadUInt64LittleEndian(block[baseAt..]);
        ulong root = BinaryPrimitives.ReadUInt64LittleEndian(block[rootAt..]);
        if (baseAddress > (ulong)bytes.Length || root >= (ulong)bytes.Length - baseAddress)
        {
            throw new InvalidDataException($"hdf5: the superblock's base address {baseAddress} and root object header {root} lie outside the {bytes.Length}-byte file.");
        }

        return new Hdf5File(bytes, (long)baseAddress, (long)(baseAddress + root));
    }

    /// <summary>The absolute position of a file address, checked to lie inside the file.</summary>
    public long Absolute(ulong address, string what) =>
        address != Undefined && address < (ulong)(bytes.Length - baseAddress)
            ? baseAddress + (long)address
            : throw new InvalidDataException($"hdf5: {what} points at address {(address == Undefined ? "undefined" : address.ToString(System.Globalization.CultureInfo.InvariantCulture))}, outside the {bytes.Length}-byte file.");

    /// <summary><paramref name="length"/> bytes at <paramref name="offset"/>, checked to lie inside the file.</summary>
    public ReadOnlySpan<byte> Span(long offset, long length, string what) =>
        offset >= 0 && length >= 0 && length <= bytes.Length - offset
            ? bytes.AsSpan((int)offset, (int)length)
            : throw new InvalidDataException($"hdf5: {what} ({length} bytes at byte {offset}) runs past the end of the {bytes.Length}-byte file.");

    /// <summary>Strict UTF-8 text: the file's names and strings.</summary>
    /// <exception cref="InvalidDataException">The bytes are not UTF-8; the message names <paramref name="what"/>.</exception>
    public static string Utf8(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"hdf5: {what} is not UTF-8.", e);
        }
    }

    /// <summary>The messages of the object header at <paramref name="address"/> (absolute), continuations followed.</summary>
    public List<Hdf5Message> Messages(long address, string what)
    {
        if (headers.TryGetValue(address, out List<Hdf5Message>? known))
        {
            return known;
        }

        var messages = new List<Hdf5Message>();
        var blocks = new Queue<(long Start, long Length)>();
        var seen = new HashSet<long>();
        bool version2 = Span(address, 4, $"the object header of {what}").SequenceEqual("OHDR"u8);

        // A version 2 header with flag 0x04 (attribute creation order tracked) gives every message a 2-byte order.
        bool creationOrder = version2 && (Span(address, 6, $"the object header of {what}")[5] & 0x04) != 0;
        blocks.Enqueue(version2 ? FirstVersion2Block(address, what) : FirstVersion1Block(address, what));
        while (blocks.Count > 0)
        {
            (long start, long length) = blocks.Dequeue();
            if (!seen.Add(start) || seen.Count > MaximumContinuations)
            {
                throw new InvalidDataException($"hdf5: the object header of {what} continues into byte {start} twice, or into more than {MaximumContinuations} blocks.");
            }

            foreach (Hdf5Message message in version2 ? Version2Messages(start, length, creationOrder, what) : Version1Messages(start, length, what))
            {
                if (message.Type == Hdf5Message.Continuation)
                {
                    ReadOnlySpan<byte> data = Span(message.Offset, 16, $"a continuation message of {what}");
                    long block = Absolute(BinaryPrimitives.ReadUInt64LittleEndian(data), $"a continuation of {what}");
                    ulong blockLength = BinaryPrimitives.ReadUInt64LittleEndian(data[8..]);
                    Span(block, (long)Math.Min(blockLength, long.MaxValue), $"a continuation block of {what}");
                    if (version2 && (blockLength < 8 || !Span(block, 4, $"a continuation block of {what}").SequenceEqual("OCHK"u8)))
                    {
                        throw new InvalidDataException($"hdf5: the continuation block of {what} at byte {block} is no 'OCHK' block.");
                    }

                    blocks.Enqueue(version2 ? (block + 4, (long)blockLength - 8) : (block, (long)blockLength));
                }
                else
                {
                    messages.Add(message);
                }
            }
        }

        headers[address] = messages;
        return messages;
    }

    // Version 1: version 1, a reserved byte, the message count (2), the reference count (4) and the header size (4),
    // padded to 16 bytes; the messages follow.
    private (long, long) FirstVersion1Block(long address, string what)
    {
        ReadOnlySpan<byte> prefix = Span(address, 16, $"the object header of {what}");
        if (prefix[0] != 1)
        {
            throw new InvalidDataException($"hdf5: no object header of {what} at byte {address} (version byte {prefix[0]}).");
        }

        uint size = BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        Span(address + 16, size, $"the object header of {what}");
        return (address + 16, size);
    }

    // Version 2: 'OHDR', version 2, flags; four times when flag 0x20; two attribute limits when 0x10; then the first
    // chunk's size in 1, 2, 4 or 8 bytes (flags 0-1), the messages, and a checksum.
    private (long, long) FirstVersion2Block(long address, string what)
    {
        ReadOnlySpan<byte> prefix = Span(address, 6, $"the object header of {what}");
        byte flags = prefix[5];
        if (prefix[4] != 2)
        {
            throw new InvalidDataException($"hdf5: the object header of {what} at byte {address} is of version {prefix[4]}, not 2.");
        }

        long at = address + 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
        int width = 1 << (flags & 3);
        ReadOnlySpan<byte> field = Span(at, width, $"the object header of {what}");
        ulong size = width switch
        {
            1 => field[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(field),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(field),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(field),
        };
        Span(at + width, (long)Math.Min(size, long.MaxValue), $"the object header of {what}");
        return (at + width, (long)size);
    }

    private List<Hdf5Message> Version1Messages(long start, long length, string what)
    {
        var messages = new List<Hdf5Message>();
        for (long at = start; at + 8 <= start + length;)
        {
            ReadOnlySpan<byte> header = Span(at, 8, $"a message of {what}");
            int type = BinaryPrimitives.ReadUInt16LittleEndian(header);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(header[2..]);
            if (size > start + length - at - 8)
            {
                throw new InvalidDataException($"hdf5: a message of {what} at byte {at} claims {size} bytes, past its header's end.");
            }

            messages.Add(new Hdf5Message(type, header[4], at + 8, size));
            at += 8 + size;
        }

        return messages;
    }

    private List<Hdf5Message> Version2Messages(long start, long length, bool creationOrder, string what)
    {
        var messages = new List<Hdf5Message>();
        for (long at = start; at + 4 <= start + length;)
        {
            ReadOnlySpan<byte> header = Span(at, 4, $"a message of {what}");
            int type = header[0];
            int size = BinaryPrimitives.ReadUInt16LittleEndian(header[1..]);
            byte flags = header[3];
            int headerSize = creationOrder ? 6 : 4;
            if (size > start + length - at - headerSize)
            {
                throw new InvalidDataException($"hdf5: a message of {what} at byte {at} claims {size} bytes, past its header's end.");
            }

            messages.Add(new Hdf5Message(type, flags, at + headerSize, size));
            at += headerSize + size;
        }

        return messages;
    }
}
