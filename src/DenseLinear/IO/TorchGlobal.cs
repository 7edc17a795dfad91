namespace DenseLinear.IO;

/// <summary>
/// A global the restricted unpickler accepts, the subset of what <c>torch.load(weights_only=True)</c> allows that a
/// <c>state_dict</c> of float tensors needs. Only these names are recognised; nothing is looked up or constructed
/// from a name in the file.
/// </summary>
internal sealed class TorchGlobal
{
    private static readonly Dictionary<string, TorchGlobal> Allowed = Create();

    private TorchGlobal(string name, string? storageType)
    {
        Name = name;
        StorageType = storageType;
    }

    /// <summary>The qualified name, <c>module.name</c>.</summary>
    public string Name { get; }

    /// <summary>For a storage class (<c>torch.FloatStorage</c>…), its name; otherwise <see langword="null"/>.</summary>
    public string? StorageType { get; }

    public static TorchGlobal OrderedDict => Allowed["collections.OrderedDict"];

    public static TorchGlobal RebuildTensor => Allowed["torch._utils._rebuild_tensor_v2"];

    public static TorchGlobal RebuildParameter => Allowed["torch._utils._rebuild_parameter"];

    /// <summary>The allowed global <paramref name="module"/>.<paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">It is not allowed.</exception>
    public static TorchGlobal Resolve(string module, string name)
    {
        string qualified = $"{module}.{name}";
        return Allowed.TryGetValue(qualified, out TorchGlobal? global)
            ? global
            : throw new InvalidDataException($"pt: data.pkl refers to the global '{qualified}', which a weights-only load does not allow.");
    }

    private static Dictionary<string, TorchGlobal> Create()
    {
        var allowed = new Dictionary<string, TorchGlobal>(StringComparer.Ordinal);
        foreach (string name in (string[])["collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter"])
        {
            allowed.Add(name, new TorchGlobal(name, null));
        }

        // All of torch's legacy storage classes are accepted as names, so a tensor of an unread type is refused by its type.
        foreach (string storage in (string[])["Float", "Double", "Half", "BFloat16", "Long", "Int", "Short", "Char", "Byte", "Bool", "ComplexFloat", "ComplexDouble", "QInt8", "QUInt8", "QInt32"])
        {
            string name = $"torch.{storage}Storage";
            allowed.Add(name, new TorchGlobal(name, name));
        }

        return allowed;
    }
}
