namespace DenseLinear.IO;

/// <summary>
/// What a <c>.safetensors</c> file holds: named tensors, in data order, and the optional <c>__metadata__</c>
/// string map. For a PyTorch <c>state_dict</c> the names are parameter paths such as <c>fc1.weight</c>.
/// </summary>
public sealed class SafetensorsContent
{
    private readonly Dictionary<string, StoredTensor> tensors;

    /// <summary>Collects <paramref name="tensors"/> (written in this order) and <paramref name="metadata"/>.</summary>
    /// <exception cref="ArgumentException">A name repeats or is <c>__metadata__</c>.</exception>
    public SafetensorsContent(IEnumerable<KeyValuePair<string, StoredTensor>> tensors, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        this.tensors = new Dictionary<string, StoredTensor>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach ((string name, StoredTensor tensor) in tensors)
        {
            ArgumentNullException.ThrowIfNull(tensor, name);
            if (name == SafetensorsFile.MetadataKey || !this.tensors.TryAdd(name, tensor))
            {
                throw new ArgumentException($"Tensor name '{name}' is reserved or repeated.", nameof(tensors));
            }

            names.Add(name);
        }

        Names = names;
        Metadata = new Dictionary<string, string>(metadata ?? [], StringComparer.Ordinal);
    }

    /// <summary>The tensor names in the order their data is laid out.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The <c>__metadata__</c> map (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensor called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is none.</exception>
    public StoredTensor this[string name] => tensors[name];

    /// <summary>Looks up a tensor by name.</summary>
    public bool TryGetTensor(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoredTensor? tensor) =>
        tensors.TryGetValue(name, out tensor);
}
