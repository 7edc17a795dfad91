using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace DenseLinear.IO;

/// <summary>
/// The objects of an HDF5 file as the Keras readers use them — groups by path, string attributes, floating-point
/// datasets — read by DenseLinear's own parser (<see cref="Hdf5File"/>) as hostile input: every size is checked against
/// the file, or against the message holding it, before anything is allocated, and every failure is an
/// <see cref="InvalidDataException"/> naming the object.
/// </summary>
/// <remarks>
/// Read: superblocks 0 to 3; object headers 1 and 2; groups as symbol tables or link messages; attributes of
/// fixed-length and variable-length strings (the latter in global heaps); datasets of float16, float32 or float64 (either
/// byte order), or 2-byte data marked as Keras' bfloat16, stored contiguously or compactly. Refused by name: chunked
/// or filtered (compressed) datasets, dense link or attribute storage, shared messages, soft and external links.
/// PureHDF, which writes these files, is not used to read them: it allocates sizes taken from the file before checking
/// them.
/// </remarks>
internal sealed class Hdf5Objects
{
    private readonly Hdf5File file;
    private readonly Dictionary<long, List<(string Name, long Address)>> members = [];
    private readonly Dictionary<long, Dictionary<int, (long Offset, long Length)>> globalHeaps = [];

    private Hdf5Objects(Hdf5File file)
    {
        this.file = file;
        Root = new Hdf5Node(file, file.RootAddress, string.Empty, "/");
    }

    /// <summary>The root group.</summary>
    public Hdf5Node Root { get; }

    /// <summary>Opens the HDF5 bytes.</summary>
    /// <exception cref="InvalidDataException">The superblock is malformed or of a kind not read.</exception>
    public static Hdf5Objects Open(ReadOnlyMemory<byte> bytes) => new(Hdf5File.Open(bytes.ToArray()));

    /// <summary>The object at the slash-separated <paramref name="path"/> under <paramref name="group"/>, or <see langword="null"/> when there is no such link.</summary>
    public Hdf5Node? Find(Hdf5Node group, string path)
    {
        Hdf5Node current = group;
        foreach (string part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!current.IsGroup)
            {
                return null;
            }

            List<(string Name, long Address)> list = Members(current);
            int index = list.FindIndex(candidate => candidate.Name == part);
            if (index < 0)
            {
                return null;
            }

            current = new Hdf5Node(file, list[index].Address, part, ChildPath(current, part));
        }

        return current;
    }

    /// <summary>The group at <paramref name="path"/>, or <see langword="null"/> when absent.</summary>
    /// <exception cref="InvalidDataException">The link exists but is not a group.</exception>
    public Hdf5Node? FindGroup(Hdf5Node group, string path) => Find(group, path) switch
    {
        null => null,
        { IsGroup: true } found => found,
        var other => throw new InvalidDataException($"hdf5: '{other.Path}' is not a group."),
    };

    /// <summary>The group's members in the file's link order (by name for a symbol table, as h5py writes them).</summary>
    public List<Hdf5Node> Children(Hdf5Node group) =>
        [.. Members(group).Select(member => new Hdf5Node(file, member.Address, member.Name, ChildPath(group, member.Name)))];

    /// <summary>Whether the object has the attribute.</summary>
    public static bool HasAttribute(Hdf5Node owner, string name) => Hdf5Attribute.Of(owner).ContainsKey(name);

    /// <summary>
    /// A string attribute: a scalar or a 1-D array of fixed- or variable-length strings; as Keras 2 writes long lists,
    /// the chunks <c>name0</c>, <c>name1</c>, … when <c>name</c> itself is absent. An empty non-string array (what
    /// <c>np.asarray([])</c> stores for a layer without weights) is an empty list.
    /// </summary>
    /// <returns>The strings, or <see langword="null"/> when neither the attribute nor its chunks exist.</returns>
    public List<string>? Strings(Hdf5Node owner, string name)
    {
        Dictionary<string, Hdf5Attribute> attributes = Hdf5Attribute.Of(owner);
        if (attributes.TryGetValue(name, out Hdf5Attribute? whole))
        {
            return StringsOf(whole, owner);
        }

        List<string>? chunks = null;
        for (int chunk = 0; attributes.TryGetValue(name + chunk.ToString(System.Globalization.CultureInfo.InvariantCulture), out Hdf5Attribute? part); chunk++)
        {
            (chunks ??= []).AddRange(StringsOf(part, owner));
        }

        return chunks;
    }

    /// <summary>A scalar string attribute (or a one-element array), or <see langword="null"/> when absent.</summary>
    public string? String(Hdf5Node owner, string name)
    {
        if (!Hdf5Attribute.Of(owner).TryGetValue(name, out Hdf5Attribute? attribute))
        {
            return null;
        }

        List<string> values = StringsOf(attribute, owner);
        return values.Count == 1 ? values[0] : throw new InvalidDataException($"hdf5: attribute '{name}' of '{owner.Path}' holds {values.Count} strings, not one.");
    }

    /// <summary>A floating-point dataset as a <see cref="StoredTensor"/>: float16, float32 or float64, or bfloat16 where Keras marks a 2-byte dataset with the attribute <c>dtype = "bfloat16"</c>.</summary>
    /// <exception cref="InvalidDataException">Another type, a size past the file's or its storage's, or a malformed dataset.</exception>
    public StoredTensor Tensor(Hdf5Node dataset)
    {
        string path = dataset.Path;
        Hdf5Datatype type = Hdf5Datatype.Parse(Data(dataset, Hdf5Message.Datatype), $"'{path}'");
        Hdf5Dataspace space = Hdf5Dataspace.Parse(Data(dataset, Hdf5Message.Dataspace), $"'{path}'");
        if (space.IsNull)
        {
            throw new InvalidDataException($"hdf5: '{path}' has a null dataspace: no values.");
        }

        bool bfloat16 = type.Size == 2 && type.Class != Hdf5Datatype.FloatingPoint && String(dataset, "dtype") == "bfloat16";
        if (!bfloat16 && (type.Class != Hdf5Datatype.FloatingPoint || type.Size is not (2 or 4 or 8)))
        {
            throw new InvalidDataException($"hdf5: '{path}' holds {type.ClassName} data of {type.Size} bytes, not float16, float32, float64 or Keras' bfloat16.");
        }

        long count = space.Count;
        if (count > Array.MaxLength || count * type.Size > file.Length)
        {
            throw new InvalidDataException($"hdf5: '{path}' claims {StoredTensor.Format(space.Shape)} × {type.Size} bytes, more than the file's {file.Length} bytes.");
        }

        ReadOnlySpan<byte> bytes = Storage(dataset, count * type.Size);
        long[] shape = space.Shape;
        return (bfloat16, type.Size) switch
        {
            (true, _) => StoredTensor.Wrap(TensorDType.BFloat16, shape, Array.ConvertAll(Decode<ushort>(bytes, type.BigEndian), BFloat16.FromBits)),
            (_, 2) => StoredTensor.Wrap(TensorDType.Float16, shape, Array.ConvertAll(Decode<ushort>(bytes, type.BigEndian), BitConverter.UInt16BitsToHalf)),
            (_, 4) => StoredTensor.Wrap(TensorDType.Float32, shape, Array.ConvertAll(Decode<uint>(bytes, type.BigEndian), BitConverter.UInt32BitsToSingle)),
            _ => StoredTensor.Wrap(TensorDType.Float64, shape, Array.ConvertAll(Decode<ulong>(bytes, type.BigEndian), BitConverter.UInt64BitsToDouble)),
        };
    }

    private static TBits[] Decode<TBits>(ReadOnlySpan<byte> bytes, bool bigEndian)
        where TBits : unmanaged, System.Numerics.IBinaryInteger<TBits>
    {
        TBits[] values = MemoryMarshal.Cast<byte, TBits>(bytes).ToArray();
        if (bigEndian != !BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = ReverseBytes(values[i]);
            }
        }

        return values;
    }

    private static TBits ReverseBytes<TBits>(TBits value)
        where TBits : unmanaged, System.Numerics.IBinaryInteger<TBits>
    {
        Span<byte> buffer = stackalloc byte[8];
        int written = value.WriteBigEndian(buffer);
        return TBits.ReadLittleEndian(buffer[..written], isUnsigned: true);
    }

    // Paths as Keras writes them, without the root's slash: "layers/dense/vars/0".
    private static string ChildPath(Hdf5Node group, string name) => group.Name.Length == 0 ? name : $"{group.Path}/{name}";

    private List<(string Name, long Address)> Members(Hdf5Node group)
    {
        if (!members.TryGetValue(group.Address, out List<(string Name, long Address)>? list))
        {
            list = Hdf5Links.Of(group);
            members[group.Address] = list;
        }

        return list;
    }

    private ReadOnlySpan<byte> Data(Hdf5Node node, int type)
    {
        Hdf5Message message = node.Message(type) ?? throw new InvalidDataException($"hdf5: '{node.Path}' has no {(type == Hdf5Message.Datatype ? "datatype" : type == Hdf5Message.Dataspace ? "dataspace" : "layout")} message.");
        return file.Span(message.Offset, message.Length, $"a message of '{node.Path}'");
    }

    // The data layout message, version 3 or 4: the class, then for compact data its size (2 bytes) and the bytes, for
    // contiguous data its address and size (8 bytes each). Chunked and virtual layouts are not read.
    private ReadOnlySpan<byte> Storage(Hdf5Node dataset, long needed)
    {
        string path = dataset.Path;
        if (dataset.Message(Hdf5Message.FilterPipeline) is not null)
        {
            throw new InvalidDataException($"hdf5: '{path}' passes through filters (compression), which are not read.");
        }

        ReadOnlySpan<byte> layout = Data(dataset, Hdf5Message.Layout);
        if (layout.Length < 2 || layout[0] is not (3 or 4))
        {
            throw new InvalidDataException($"hdf5: the layout message of '{path}' is of version {(layout.Length > 0 ? layout[0] : -1)}; versions 3 and 4 are read.");
        }

        switch (layout[1])
        {
            case 0 when layout.Length >= 4:
                int size = BinaryPrimitives.ReadUInt16LittleEndian(layout[2..]);
                return size <= layout.Length - 4 && size >= needed
                    ? layout.Slice(4, (int)needed)
                    : throw new InvalidDataException($"hdf5: '{path}' holds {size} compact bytes in a {layout.Length}-byte message; its values need {needed}.");
            case 1 when layout.Length >= 18:
                ulong address = BinaryPrimitives.ReadUInt64LittleEndian(layout[2..]);
                ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(layout[10..]);
                if (needed == 0)
                {
                    return [];
                }

                return stored >= (ulong)needed
                    ? file.Span(file.Absolute(address, $"the data of '{path}'"), needed, $"the data of '{path}'")
                    : throw new InvalidDataException($"hdf5: '{path}' stores {stored} bytes; its values need {needed}.");
            case 2:
                throw new InvalidDataException($"hdf5: '{path}' is chunked, which is not read (Keras writes contiguous datasets).");
            default:
                throw new InvalidDataException($"hdf5: the layout message of '{path}' is malformed or of class {layout[1]}, which is not read.");
        }
    }

    private List<string> StringsOf(Hdf5Attribute attribute, Hdf5Node owner)
    {
        string what = $"attribute '{attribute.Name}' of '{owner.Path}'";
        if (attribute.Dataspace.Shape.Length > 1)
        {
            throw new InvalidDataException($"hdf5: {what} is {attribute.Dataspace.Shape.Length}-dimensional, not a list of strings.");
        }

        long count = attribute.Dataspace.Count;
        Hdf5Datatype type = attribute.Datatype;
        if (count == 0)
        {
            return [];
        }

        long elementSize = type.VariableLengthString ? 16 : type.Class == Hdf5Datatype.String ? type.Size : -1;
        if (elementSize < 0)
        {
            throw new InvalidDataException($"hdf5: {what} holds {type.ClassName} data, not strings.");
        }

        if (elementSize == 0 || count > attribute.DataLength / elementSize)
        {
            throw new InvalidDataException($"hdf5: {what} claims {count} strings of {elementSize} bytes, more than its {attribute.DataLength} bytes of data.");
        }

        ReadOnlySpan<byte> data = file.Span(attribute.DataOffset, count * elementSize, what);
        var strings = new List<string>((int)count);
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> element = data.Slice((int)(i * elementSize), (int)elementSize);
            strings.Add(type.VariableLengthString ? Text(GlobalHeapString(element, what), what) : Text(Trim(element, type.StringPadding), what));
        }

        return strings;
    }

    // Padding 0 ends the string at its first NUL, 1 pads with NULs, 2 with spaces.
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> element, int padding) => padding switch
    {
        0 => element.IndexOf((byte)0) is int end and >= 0 ? element[..end] : element,
        1 => element.TrimEnd((byte)0),
        _ => element.TrimEnd((byte)' '),
    };

    private static string Text(ReadOnlySpan<byte> bytes, string what) => Hdf5File.Utf8(bytes, $"a string of {what}");

    // A variable-length string is its length (4 bytes), the global heap collection's address (8) and the object's index
    // (4). A collection: 'GCOL', version 1, 3 reserved bytes, its size (8), then objects: index (2), reference count
    // (2), reserved (4), size (8), the data padded to 8 bytes; index 0 is the free space that ends the list.
    private ReadOnlySpan<byte> GlobalHeapString(ReadOnlySpan<byte> element, string what)
    {
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(element);
        long collection = file.Absolute(BinaryPrimitives.ReadUInt64LittleEndian(element[4..]), what);
        int index = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(element[12..]), int.MaxValue);
        if (!globalHeaps.TryGetValue(collection, out Dictionary<int, (long Offset, long Length)>? objects))
        {
            objects = GlobalHeapObjects(collection, what);
            globalHeaps[collection] = objects;
        }

        return objects.TryGetValue(index, out (long Offset, long Length) found) && length <= found.Length
            ? file.Span(found.Offset, length, what)
            : throw new InvalidDataException($"hdf5: {what} refers to global heap object {index} of {length} bytes at byte {collection}, which is not there.");
    }

    private Dictionary<int, (long Offset, long Length)> GlobalHeapObjects(long collection, string what)
    {
        ReadOnlySpan<byte> header = file.Span(collection, 16, $"the global heap of {what}");
        if (!header[..4].SequenceEqual("GCOL"u8) || header[4] != 1)
        {
            throw new InvalidDataException($"hdf5: no global heap collection at byte {collection} for {what}.");
        }

        ulong size = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
        long end = size >= 16 && size <= (ulong)(file.Length - collection)
            ? collection + (long)size
            : throw new InvalidDataException($"hdf5: the global heap collection at byte {collection} claims {size} bytes, past the file's end.");
        var objects = new Dictionary<int, (long Offset, long Length)>();
        for (long at = collection + 16; at + 16 <= end;)
        {
            ReadOnlySpan<byte> head = file.Span(at, 16, $"the global heap of {what}");
            int index = BinaryPrimitives.ReadUInt16LittleEndian(head);
            ulong objectSize = BinaryPrimitives.ReadUInt64LittleEndian(head[8..]);
            if (index == 0)
            {
                break;
            }

            if (objectSize > (ulong)(end - at - 16))
            {
                throw new InvalidDataException($"hdf5: global heap object {index} at byte {at} claims {objectSize} bytes, past its collection's end.");
            }

            objects[index] = (at + 16, (long)objectSize);
            at += 16 + (((long)objectSize + 7) & ~7L);
        }

        return objects;
    }
}
