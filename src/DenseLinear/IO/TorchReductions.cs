namespace DenseLinear.IO;

/// <summary>What the restricted unpickler makes of an allowed global's call and of a persistent storage id.</summary>
internal static class TorchReductions
{
    private const int MaxRank = 64;

    /// <summary>The storage a <c>BINPERSID</c> id <c>('storage', type, key, location, numel)</c> names.</summary>
    /// <exception cref="InvalidDataException">The id has another form.</exception>
    public static TorchStorageReference PersistentStorage(object? id)
    {
        if (id is PickleTuple { Items: ["storage", TorchGlobal { StorageType: string type }, string key, string, long count] } && count >= 0)
        {
            return new TorchStorageReference(type, key, count);
        }

        throw new InvalidDataException("pt: data.pkl has a persistent id other than ('storage', <storage class>, key, location, numel).");
    }

    /// <summary>Calls <paramref name="global"/> on <paramref name="arguments"/>, for the few calls a state_dict needs.</summary>
    /// <exception cref="InvalidDataException">The global is not callable here, or the arguments are not what torch passes it.</exception>
    public static object Apply(TorchGlobal global, object?[] arguments)
    {
        if (global == TorchGlobal.OrderedDict && arguments.Length == 0)
        {
            return new PickleDictionary();
        }

        if (global == TorchGlobal.RebuildTensor
            && arguments is [TorchStorageReference storage, long offset, PickleTuple size, PickleTuple stride, bool, PickleDictionary { Items.Count: 0 }, ..]
            && arguments.Length <= 7)
        {
            long[] sizes = Integers(size, "size");
            long[] strides = Integers(stride, "stride");
            if (sizes.Length != strides.Length || offset < 0)
            {
                throw new InvalidDataException($"pt: a tensor has size {StoredTensor.Format(sizes)}, stride {StoredTensor.Format(strides)} and storage offset {offset}; size and stride must have one entry per dimension and the offset must not be negative.");
            }

            return new TorchTensorReference(storage, offset, sizes, strides);
        }

        if (global == TorchGlobal.RebuildParameter && arguments is [TorchTensorReference tensor, bool, PickleDictionary { Items.Count: 0 }])
        {
            return tensor;
        }

        throw new InvalidDataException($"pt: data.pkl calls '{global.Name}' with {arguments.Length} arguments not of the form torch.save writes.");
    }

    private static long[] Integers(PickleTuple tuple, string what)
    {
        if (tuple.Items.Length > MaxRank)
        {
            throw new InvalidDataException($"pt: a tensor {what} has {tuple.Items.Length} dimensions; at most {MaxRank} are read.");
        }

        var values = new long[tuple.Items.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = tuple.Items[i] is long value && value >= 0
                ? value
                : throw new InvalidDataException($"pt: a tensor {what} entry {i} is not a non-negative integer.");
        }

        return values;
    }
}
