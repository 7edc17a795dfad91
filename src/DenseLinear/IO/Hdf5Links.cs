using System.Buffers.Binary;

namespace DenseLinear.IO;

/// <summary>
/// A group's members, by name and object header position: from an old-style symbol table (a version 1 B-tree of
/// 'TREE' nodes over 'SNOD' symbol nodes, the names in a 'HEAP' local heap; h5py's default) or from link messages in
/// the object header (newer files, PureHDF's). Dense link storage (a fractal heap) is refused by name.
/// </summary>
internal static class Hdf5Links
{
    private const int MaximumDepth = 32;

    /// <summary>The members in the file's order: by name for a symbol table, by message order for links.</summary>
    /// <exception cref="InvalidDataException">A structure is malformed or of a kind not read, or a name repeats.</exception>
    public static List<(string Name, long Address)> Of(Hdf5Node group)
    {
        var members = new List<(string Name, long Address)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, long address)
        {
            if (!names.Add(name))
            {
                throw new InvalidDataException($"hdf5: group '{group.Path}' names '{name}' twice.");
            }

            members.Add((name, address));
        }

        foreach (Hdf5Message message in group.Messages)
        {
            ReadOnlySpan<byte> data = group.File.Span(message.Offset, message.Length, $"a message of '{group.Path}'");
            switch (message.Type)
            {
                case Hdf5Message.SymbolTable:
                    if (data.Length < 16)
                    {
                        throw new InvalidDataException($"hdf5: the symbol table message of '{group.Path}' is {data.Length} bytes, not 16.");
                    }

                    long heap = LocalHeapData(group, BinaryPrimitives.ReadUInt64LittleEndian(data[8..]), out long heapSize);
                    WalkTree(group, group.File.Absolute(BinaryPrimitives.ReadUInt64LittleEndian(data), $"the symbol table of '{group.Path}'"), heap, heapSize, 0, [], Add);
                    break;
                case Hdf5Message.Link:
                    (string name, long address) = LinkOf(group, data);
                    Add(name, address);
                    break;
                case Hdf5Message.LinkInfo:
                    int heapAt = data.Length >= 2 && (data[1] & 1) != 0 ? 10 : 2;
                    if (data.Length < heapAt + 8)
                    {
                        throw new InvalidDataException($"hdf5: the link info message of '{group.Path}' is {data.Length} bytes, too short.");
                    }

                    if (BinaryPrimitives.ReadUInt64LittleEndian(data[heapAt..]) != Hdf5File.Undefined)
                    {
                        throw new InvalidDataException($"hdf5: group '{group.Path}' keeps its links in dense storage (a fractal heap), which is not read.");
                    }

                    break;
            }
        }

        return members;
    }

    // A link message, version 1: flags; the link type when flag 0x08 (0 = hard); a creation order when 0x04; a character
    // set when 0x10; the name's length in 1, 2, 4 or 8 bytes (flags 0-1), the name, and for a hard link the address.
    private static (string Name, long Address) LinkOf(Hdf5Node group, ReadOnlySpan<byte> data)
    {
        if (data.Length < 2 || data[0] != 1)
        {
            throw new InvalidDataException($"hdf5: a link message of '{group.Path}' is malformed (version {(data.Length > 0 ? data[0] : -1)}).");
        }

        byte flags = data[1];
        int at = 2;
        int type = (flags & 0x08) != 0 ? data.Length > at ? data[at++] : -1 : 0;
        at += (flags & 0x04) != 0 ? 8 : 0;
        at += (flags & 0x10) != 0 ? 1 : 0;
        int width = 1 << (flags & 3);
        if (at + width > data.Length)
        {
            throw new InvalidDataException($"hdf5: a link message of '{group.Path}' ends inside its header.");
        }

        ulong length = width switch
        {
            1 => data[at],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(data[at..]),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(data[at..]),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(data[at..]),
        };
        at += width;
        if (length == 0 || length > (ulong)(data.Length - at))
        {
            throw new InvalidDataException($"hdf5: a link message of '{group.Path}' claims a {length}-byte name, past its {data.Length}-byte message.");
        }

        string name = Decode(data.Slice(at, (int)length), group);
        at += (int)length;
        if (type != 0)
        {
            throw new InvalidDataException($"hdf5: '{group.Path}/{name}' is a {(type == 1 ? "soft" : type == 64 ? "external" : $"type {type}")} link, which is not followed.");
        }

        return at + 8 <= data.Length
            ? (name, group.File.Absolute(BinaryPrimitives.ReadUInt64LittleEndian(data[at..]), $"link '{group.Path}/{name}'"))
            : throw new InvalidDataException($"hdf5: link '{group.Path}/{name}' has no address.");
    }

    // A local heap: 'HEAP', version 0, 3 reserved bytes, the data segment's size, the free list's offset, its address.
    private static long LocalHeapData(Hdf5Node group, ulong address, out long size)
    {
        long at = group.File.Absolute(address, $"the local heap of '{group.Path}'");
        ReadOnlySpan<byte> heap = group.File.Span(at, 32, $"the local heap of '{group.Path}'");
        if (!heap[..4].SequenceEqual("HEAP"u8) || heap[4] != 0)
        {
            throw new InvalidDataException($"hdf5: no local heap of '{group.Path}' at byte {at}.");
        }

        ulong claimed = BinaryPrimitives.ReadUInt64LittleEndian(heap[8..]);
        long data = group.File.Absolute(BinaryPrimitives.ReadUInt64LittleEndian(heap[24..]), $"the local heap data of '{group.Path}'");
        size = claimed <= (ulong)(group.File.Length - data)
            ? (long)claimed
            : throw new InvalidDataException($"hdf5: the local heap of '{group.Path}' claims {claimed} bytes at byte {data}, past the file's end.");
        return data;
    }

    // A version 1 B-tree node of a group: 'TREE', type 0, level, entries used (2), two sibling addresses, then the
    // keys (8-byte heap offsets) and children interleaved, one more key than children. Level 0 points at 'SNOD' nodes.
    private static void WalkTree(Hdf5Node group, long at, long heap, long heapSize, int depth, HashSet<long> seen, Action<string, long> add)
    {
        if (depth > MaximumDepth || !seen.Add(at))
        {
            throw new InvalidDataException($"hdf5: the symbol table B-tree of '{group.Path}' revisits byte {at} or is deeper than {MaximumDepth}.");
        }

        ReadOnlySpan<byte> node = group.File.Span(at, 24, $"a B-tree node of '{group.Path}'");
        if (!node[..4].SequenceEqual("TREE"u8) || node[4] != 0)
        {
            throw new InvalidDataException($"hdf5: no group B-tree node of '{group.Path}' at byte {at}.");
        }

        int level = node[5];
        int entries = BinaryPrimitives.ReadUInt16LittleEndian(node[6..]);
        ReadOnlySpan<byte> body = group.File.Span(at + 24, (16L * entries) + 8, $"a B-tree node of '{group.Path}'");
        for (int i = 0; i < entries; i++)
        {
            long child = group.File.Absolute(BinaryPrimitives.ReadUInt64LittleEndian(body[((16 * i) + 8)..]), $"a B-tree node of '{group.Path}'");
            if (level > 0)
            {
                WalkTree(group, child, heap, heapSize, depth + 1, seen, add);
            }
            else
            {
                ReadSymbols(group, child, heap, heapSize, seen, add);
            }
        }
    }

    // A symbol node: 'SNOD', version 1, a reserved byte, the number of symbols (2), then 40-byte entries: the name's
    // offset in the local heap, the object header's address, the cache type and scratch space.
    private static void ReadSymbols(Hdf5Node group, long at, long heap, long heapSize, HashSet<long> seen, Action<string, long> add)
    {
        ReadOnlySpan<byte> node = group.File.Span(at, 8, $"a symbol node of '{group.Path}'");
        if (!seen.Add(at) || !node[..4].SequenceEqual("SNOD"u8) || node[4] != 1)
        {
            throw new InvalidDataException($"hdf5: no symbol node of '{group.Path}' at byte {at}, or one reached twice.");
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(node[6..]);
        ReadOnlySpan<byte> entries = group.File.Span(at + 8, 40L * count, $"a symbol node of '{group.Path}'");
        ReadOnlySpan<byte> names = group.File.Span(heap, heapSize, $"the local heap of '{group.Path}'");
        for (int i = 0; i < count; i++)
        {
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(entries[(40 * i)..]);
            int end = offset < (ulong)names.Length ? names[(int)offset..].IndexOf((byte)0) : -1;
            if (end <= 0)
            {
                throw new InvalidDataException($"hdf5: a member of '{group.Path}' has its name at heap offset {offset}, outside the {names.Length}-byte heap or unterminated.");
            }

            string name = Decode(names.Slice((int)offset, end), group);
            add(name, group.File.Absolute(BinaryPrimitives.ReadUInt64LittleEndian(entries[((40 * i) + 8)..]), $"member '{group.Path}/{name}'"));
        }
    }

    private static string Decode(ReadOnlySpan<byte> name, Hdf5Node group) => Hdf5File.Utf8(name, $"a member name of '{group.Path}'");
}
