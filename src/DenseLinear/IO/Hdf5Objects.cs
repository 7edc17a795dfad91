using PureHDF;

namespace DenseLinear.IO;

/// <summary>
/// An HDF5 file read through PureHDF as hostile input: every call is guarded so that whatever PureHDF throws on a
/// malformed file becomes an <see cref="InvalidDataException"/> naming the object, and every dataset or attribute is
/// checked to hold no more bytes than the file before its values are read.
/// </summary>
internal sealed class Hdf5Objects
{
    private readonly long fileLength;

    private Hdf5Objects(IH5Group root, long fileLength)
    {
        Root = root;
        this.fileLength = fileLength;
    }

    /// <summary>The root group.</summary>
    public IH5Group Root { get; }

    /// <summary>Opens the HDF5 bytes (kept in memory: PureHDF reads nothing past them).</summary>
    /// <exception cref="InvalidDataException">The superblock or root group is malformed.</exception>
    public static Hdf5Objects Open(ReadOnlyMemory<byte> file)
    {
        byte[] bytes = file.ToArray();
        return new Hdf5Objects(Guard("the superblock and root group", () => (IH5Group)H5File.Open(new MemoryStream(bytes, writable: false), leaveOpen: false)), bytes.Length);
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
