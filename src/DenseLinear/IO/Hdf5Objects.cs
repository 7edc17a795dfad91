using System.Buffers.Binary;
using PureHDF;
using PureHDF.VOL.Native;

namespace DenseLinear.IO;

/// <summary>
/// An HDF5 file read through PureHDF as hostile input: every call is guarded so that whatever PureHDF throws on a
/// malformed file becomes an <see cref="InvalidDataException"/> naming the object, and every dataset or attribute is
/// checked to hold no more bytes than the file before its values are read.
/// </summary>
internal sealed class Hdf5Objects : IDisposable
{
    private readonly long fileLength;
    private readonly NativeFile file;

    private Hdf5Objects(NativeFile file, long fileLength)
    {
        this.file = file;
        Root = file;
        this.fileLength = fileLength;
    }

    /// <summary>The root group.</summary>
    public IH5Group Root { get; }

    /// <summary>Opens the HDF5 bytes (kept in memory: PureHDF reads nothing past them).</summary>
    /// <exception cref="InvalidDataException">The superblock or root group is malformed.</exception>
    public static Hdf5Objects Open(ReadOnlyMemory<byte> file)
    {
        byte[] bytes = file.ToArray();
        CheckHeapSizes(bytes);
        CheckAttributeSizes(bytes);
        return new Hdf5Objects(Guard("the superblock and root group", () => H5File.Open(new MemoryStream(bytes, writable: false), leaveOpen: false)), bytes.Length);
    }

    /// <summary>Closes the file. PureHDF keeps per-file caches in static maps until then, so an undisposed file leaks.</summary>
    public void Dispose() => file.Dispose();

    // PureHDF allocates a local heap's data segment, or a global heap collection, at the size its header claims before
    // reading it (a 17 KB file claiming 2 GiB allocated 2 GiB), so those sizes are checked against the file first: each
    // 'HEAP' (version 0) and 'GCOL' (version 1) signature, with its reserved bytes zero, must claim no more than the file
    // holds after it. Found by the Keras fuzz (a byte of a heap's size field set to 0xFF allocated 16 MB).
    private static void CheckHeapSizes(byte[] bytes)
    {
        ReadOnlySpan<byte> file = bytes;
        foreach ((byte[] signature, string what) in (ReadOnlySpan<(byte[], string)>)[("HEAP"u8.ToArray(), "local heap"), ("GCOL"u8.ToArray(), "global heap collection")])
        {
            for (int at = file.IndexOf(signature); at >= 0 && at + 16 <= file.Length;)
            {
                bool header = file[at + 4] == (what[0] == 'l' ? 0 : 1) && file[at + 5] == 0 && file[at + 6] == 0 && file[at + 7] == 0;
                ulong size = BinaryPrimitives.ReadUInt64LittleEndian(file[(at + 8)..]);
                if (header && size > (ulong)file.Length)
                {
                    throw new InvalidDataException($"hdf5: the {what} at byte {at} claims {size} bytes, more than the file's {file.Length} bytes.");
                }

                if (header && what[0] == 'g')
                {
                    CheckGlobalHeapObjects(file, at, (int)size);
                }

                int next = file[(at + 1)..].IndexOf(signature);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }
    }

    // PureHDF decodes every attribute of an object header when it opens the object, allocating the attribute's data at
    // element size × dimensions before reading it (a 13 KB file with one dimension byte changed allocated 2.5 MB; any
    // int up to 2 GiB was possible). Keras' files have version 1 object headers, found through the symbol-table
    // entries that point at them (the superblock's root entry and each 'SNOD' node) and their continuation blocks; an
    // attribute message there must hold the data its type and dataspace claim. Version 2 headers ('OHDR', which h5py
    // writes only with libver="latest") are not checked here.
    private static void CheckAttributeSizes(byte[] bytes)
    {
        ReadOnlySpan<byte> file = bytes;
        var headers = new List<(long Address, long Length, bool Prefix)>();
        if (file.Length >= 96 && file[8] == 0)
        {
            headers.Add((BinaryPrimitives.ReadInt64LittleEndian(file[(56 + 8)..]), 0, true));
        }

        for (int at = file.IndexOf("SNOD"u8); at >= 0 && at + 8 <= file.Length;)
        {
            int count = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(file[(at + 6)..]), 1024);
            for (int entry = 0; entry < count && at + 8 + (40 * entry) + 16 <= file.Length; entry++)
            {
                headers.Add((BinaryPrimitives.ReadInt64LittleEndian(file[(at + 8 + (40 * entry) + 8)..]), 0, true));
            }

            int next = file[(at + 1)..].IndexOf("SNOD"u8);
            at = next < 0 ? -1 : at + 1 + next;
        }

        for (int i = 0; i < headers.Count && i < 100_000; i++)
        {
            (long address, long length, bool prefix) = headers[i];
            if (address < 0 || address + 16 > file.Length || (prefix && file[(int)address] != 1))
            {
                continue; // PureHDF refuses what is not a version 1 header where it looks
            }

            // PureHDF also reads a header's (or continuation block's) messages in one allocation of the size it claims.
            long at = prefix ? address + 16 : address;
            long claimed = prefix ? BinaryPrimitives.ReadUInt32LittleEndian(file[((int)address + 8)..]) : length;
            if (claimed < 0 || claimed > file.Length - at)
            {
                throw new InvalidDataException($"hdf5: the object header {(prefix ? "" : "continuation ")}at byte {address} claims {claimed} bytes, more than the file holds after it.");
            }

            long end = at + claimed;
            while (at + 8 <= end)
            {
                int type = BinaryPrimitives.ReadUInt16LittleEndian(file[(int)at..]);
                int size = BinaryPrimitives.ReadUInt16LittleEndian(file[((int)at + 2)..]);
                long data = at + 8;
                if (type == 0x10 && data + 16 <= file.Length)
                {
                    headers.Add((BinaryPrimitives.ReadInt64LittleEndian(file[(int)data..]), BinaryPrimitives.ReadInt64LittleEndian(file[((int)data + 8)..]), false));
                }
                else if (type == 0x0C && data + 8 <= file.Length && file[(int)data] == 1)
                {
                    CheckAttributeMessage(file, data, size);
                }
                else if (type is 0x04 or 0x05 && data + 8 <= file.Length)
                {
                    CheckFillValueMessage(file, type, data, size);
                }

                at = data + size;
            }
        }
    }

    // An attribute message, version 1: version, reserved, name size, datatype size, dataspace size (2 bytes each), then
    // the name, datatype and dataspace each padded to 8 bytes, then the data. The datatype's element size is at its byte
    // 4; a version 1 dataspace has its rank at byte 1 and 8-byte dimensions from byte 8.
    private static void CheckAttributeMessage(ReadOnlySpan<byte> file, long message, int size)
    {
        static long Padded(int length) => (length + 7L) & ~7L;
        int nameSize = BinaryPrimitives.ReadUInt16LittleEndian(file[((int)message + 2)..]);
        int typeSize = BinaryPrimitives.ReadUInt16LittleEndian(file[((int)message + 4)..]);
        int spaceSize = BinaryPrimitives.ReadUInt16LittleEndian(file[((int)message + 6)..]);
        long type = message + 8 + Padded(nameSize);
        long space = type + Padded(typeSize);
        long data = space + Padded(spaceSize);
        if (space + 8 > file.Length || type + 8 > file.Length)
        {
            return; // PureHDF reads past the end and fails
        }

        ulong bytes = BinaryPrimitives.ReadUInt32LittleEndian(file[((int)type + 4)..]);
        int rank = file[(int)space + 1];
        for (int axis = 0; axis < rank && space + 8 + (8 * axis) + 8 <= file.Length; axis++)
        {
            ulong dimension = BinaryPrimitives.ReadUInt64LittleEndian(file[((int)space + 8 + (8 * axis))..]);
            bytes = dimension == 0 ? 0 : bytes <= ulong.MaxValue / dimension ? bytes * dimension : ulong.MaxValue;
        }

        if (bytes > (ulong)Math.Max(0, message + size - data))
        {
            throw new InvalidDataException($"hdf5: the attribute message at byte {message} claims {bytes} bytes of data, more than its {size}-byte message holds.");
        }
    }

    // A fill value message holds a 4-byte size and that many bytes (PureHDF allocates the size first): the old message
    // (type 4) at its start; the new one (type 5) at byte 4 in versions 1 and 2 (version 2 only when defined, byte 3),
    // at byte 2 in version 3 when flag 0x20 says a value is there.
    private static void CheckFillValueMessage(ReadOnlySpan<byte> file, int type, long message, int size)
    {
        byte version = file[(int)message];
        long field = type == 0x04 ? message
            : version == 1 || (version == 2 && file[(int)message + 3] != 0) ? message + 4
            : version == 3 && (file[(int)message + 1] & 0x20) != 0 ? message + 2
            : -1;
        if (field >= 0 && field + 4 <= file.Length && BinaryPrimitives.ReadUInt32LittleEndian(file[(int)field..]) > (ulong)Math.Max(0, message + size - field - 4))
        {
            throw new InvalidDataException($"hdf5: the fill value message at byte {message} claims {BinaryPrimitives.ReadUInt32LittleEndian(file[(int)field..])} bytes, more than its {size}-byte message holds.");
        }
    }

    // A global heap collection's objects (a variable-length string each): index (2 bytes), reference count (2),
    // reserved (4), size (8), then the data padded to 8 bytes; index 0 is the free space that ends the list. PureHDF
    // allocates an object's claimed size when a string refers to it, so no object may claim more than its collection.
    private static void CheckGlobalHeapObjects(ReadOnlySpan<byte> file, int collection, int collectionSize)
    {
        long end = Math.Min((long)collection + collectionSize, file.Length);
        for (long at = collection + 16; at + 16 <= end;)
        {
            ushort index = BinaryPrimitives.ReadUInt16LittleEndian(file[(int)at..]);
            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(file[((int)at + 8)..]);
            if (index == 0)
            {
                return;
            }

            if (size > (ulong)(end - at - 16))
            {
                throw new InvalidDataException($"hdf5: global heap object {index} at byte {at} claims {size} bytes, more than its collection at byte {collection} holds.");
            }

            at += 16 + (((long)size + 7) & ~7L);
        }
    }

    /// <summary>Runs a PureHDF call, turning its failure on a malformed file into <see cref="InvalidDataException"/>.</summary>
    public static T Guard<T>(string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidDataException($"hdf5: {what} cannot be read: {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>The object at <paramref name="path"/> under <paramref name="group"/>, or <see langword="null"/> when there is no such link.</summary>
    public IH5Object? Find(IH5Group group, string path) =>
        Guard($"'{path}'", () => group.LinkExists(path) ? group.Get(path) : null);

    /// <summary>The group at <paramref name="path"/>, or <see langword="null"/> when absent.</summary>
    /// <exception cref="InvalidDataException">The link exists but is not a group.</exception>
    public IH5Group? FindGroup(IH5Group group, string path) => Find(group, path) switch
    {
        null => null,
        IH5Group found => found,
        _ => throw new InvalidDataException($"hdf5: '{path}' is not a group."),
    };

    /// <summary>The group's children in the file's link order (by name, as h5py and Keras write them).</summary>
    public List<IH5Object> Children(IH5Group group, string path) => Guard($"the members of '{path}'", () => group.Children().ToList());

    /// <summary>Whether the object has the attribute.</summary>
    public static bool HasAttribute(IH5Object owner, string name) => Guard($"attribute '{name}'", () => owner.AttributeExists(name));

    /// <summary>
    /// A string attribute: a scalar or a 1-D array of fixed- or variable-length strings; as Keras 2 writes long lists,
    /// the chunks <c>name0</c>, <c>name1</c>, … when <c>name</c> itself is absent. An empty non-string array (what
    /// <c>np.asarray([])</c> stores for a layer without weights) is an empty list.
    /// </summary>
    /// <returns>The strings, or <see langword="null"/> when neither the attribute nor its chunks exist.</returns>
    public List<string>? Strings(IH5Object owner, string name, string ownerPath)
    {
        if (HasAttribute(owner, name))
        {
            return StringsOf(owner, name, ownerPath);
        }

        List<string>? chunks = null;
        for (int chunk = 0; HasAttribute(owner, name + chunk); chunk++)
        {
            (chunks ??= []).AddRange(StringsOf(owner, name + chunk, ownerPath));
        }

        return chunks;
    }

    /// <summary>A scalar string attribute (or a one-element array), or <see langword="null"/> when absent.</summary>
    public string? String(IH5Object owner, string name, string ownerPath)
    {
        if (!HasAttribute(owner, name))
        {
            return null;
        }

        List<string> values = StringsOf(owner, name, ownerPath);
        return values.Count == 1 ? values[0] : throw new InvalidDataException($"hdf5: attribute '{name}' of '{ownerPath}' holds {values.Count} strings, not one.");
    }

    /// <summary>A floating-point dataset as a <see cref="StoredTensor"/>: float16, float32 or float64, or bfloat16 where Keras marks a 2-byte dataset with the attribute <c>dtype = "bfloat16"</c>.</summary>
    /// <exception cref="InvalidDataException">Another type, a size past the file's, or a malformed dataset.</exception>
    public StoredTensor Tensor(IH5Dataset dataset, string path)
    {
        (H5DataTypeClass typeClass, int size, ulong[] dimensions) = Guard($"the type and shape of '{path}'", () =>
            (dataset.Type.Class, dataset.Type.Size, dataset.Space.Type == H5DataspaceType.Scalar ? [] : dataset.Space.Dimensions));
        long[] shape = CheckedShape(dimensions, size, path);
        bool bfloat16 = size == 2 && typeClass != H5DataTypeClass.FloatingPoint && String(dataset, "dtype", path) == "bfloat16";
        if (typeClass != H5DataTypeClass.FloatingPoint && !bfloat16)
        {
            throw new InvalidDataException($"hdf5: '{path}' holds {typeClass} data of {size} bytes, not float16, float32, float64 or Keras' bfloat16.");
        }

        return (bfloat16, size) switch
        {
            (true, _) => StoredTensor.Wrap(TensorDType.BFloat16, shape, Array.ConvertAll(Guard($"'{path}'", () => dataset.Read<ushort[]>()), BFloat16.FromBits)),
            (_, 2) => StoredTensor.Wrap(TensorDType.Float16, shape, Checked(Guard($"'{path}'", () => dataset.Read<Half[]>()), shape, path)),
            (_, 4) => StoredTensor.Wrap(TensorDType.Float32, shape, Checked(Guard($"'{path}'", () => dataset.Read<float[]>()), shape, path)),
            (_, 8) => StoredTensor.Wrap(TensorDType.Float64, shape, Checked(Guard($"'{path}'", () => dataset.Read<double[]>()), shape, path)),
            _ => throw new InvalidDataException($"hdf5: '{path}' holds {size}-byte floating-point numbers, not float16, float32 or float64."),
        };
    }

    private static TElement[] Checked<TElement>(TElement[] values, long[] shape, string path)
    {
        long count = 1;
        foreach (long dimension in shape)
        {
            count *= dimension;
        }

        return values.Length == count ? values : throw new InvalidDataException($"hdf5: '{path}' gave {values.Length} values for shape {StoredTensor.Format(shape)}.");
    }

    private List<string> StringsOf(IH5Object owner, string name, string ownerPath)
    {
        IH5Attribute attribute = Guard($"attribute '{name}' of '{ownerPath}'", () => owner.Attribute(name));
        (H5DataTypeClass typeClass, int size, H5DataspaceType spaceType, ulong[] dimensions) = Guard($"attribute '{name}' of '{ownerPath}'", () =>
            (attribute.Type.Class, attribute.Type.Size, attribute.Space.Type, attribute.Space.Dimensions));
        if (spaceType == H5DataspaceType.Null)
        {
            return [];
        }

        long[] shape = CheckedShape(spaceType == H5DataspaceType.Scalar ? [] : dimensions, size, $"attribute '{name}' of '{ownerPath}'");
        if (shape.Length > 1)
        {
            throw new InvalidDataException($"hdf5: attribute '{name}' of '{ownerPath}' is {shape.Length}-dimensional, not a list of strings.");
        }

        if (typeClass is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
        {
            return shape.Length == 1 && shape[0] == 0
                ? []
                : throw new InvalidDataException($"hdf5: attribute '{name}' of '{ownerPath}' holds {typeClass} data, not strings.");
        }

        return shape.Length == 0
            ? [Guard($"attribute '{name}' of '{ownerPath}'", () => attribute.Read<string>())]
            : [.. Guard($"attribute '{name}' of '{ownerPath}'", () => attribute.Read<string[]>())];
    }

    // The element count and byte size, checked against the file before anything is allocated: a dataset or attribute
    // cannot hold more bytes than the file (a variable-length string's 16-byte reference included).
    private long[] CheckedShape(ulong[] dimensions, int elementSize, string what)
    {
        var shape = new long[dimensions.Length];
        ulong bytes = (ulong)Math.Max(elementSize, 1);
        for (int axis = 0; axis < dimensions.Length; axis++)
        {
            if (dimensions[axis] > (ulong)Array.MaxLength)
            {
                throw new InvalidDataException($"hdf5: {what} has dimension {dimensions[axis]}, more than an array holds.");
            }

            shape[axis] = (long)dimensions[axis];
            bytes = dimensions[axis] == 0 ? 0 : (bytes <= ulong.MaxValue / dimensions[axis] ? bytes * dimensions[axis] : ulong.MaxValue);
        }

        ulong count = 1;
        foreach (ulong dimension in dimensions)
        {
            count = dimension == 0 ? 0 : Math.Min(count * dimension, ulong.MaxValue / 2);
        }

        return bytes <= (ulong)fileLength && count <= (ulong)Array.MaxLength
            ? shape
            : throw new InvalidDataException($"hdf5: {what} claims {StoredTensor.Format(shape)} × {elementSize} bytes, more than the file's {fileLength} bytes.");
    }
}
