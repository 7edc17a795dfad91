namespace DenseLinear.IO;

/// <summary>
/// A PyTorch <c>state_dict</c> as a chain of Linear layers and back: <c>&lt;prefix&gt;.weight</c> [out, in] and
/// optional <c>&lt;prefix&gt;.bias</c> [out] per layer.
/// </summary>
/// <remarks>
/// A <c>.pt</c> file keeps the dict's order, which is the modules' registration order. A safetensors file does not
/// (writers sort its header), so there the order comes from the <c>denselinear.layers</c> metadata when DenseLinear
/// wrote the file, else from the prefixes compared numerically where they differ by a number (<c>0</c>, <c>2</c>,
/// <c>10</c>; <c>fc1</c>, <c>fc2</c>, <c>fc10</c>), and the layers must chain in that order. A weight the file shows to
/// be stored [in, out] (its bias, or the chain, says so: <see cref="LayoutEvidence"/>) is kept in that layout with a
/// <see cref="StoredLayer.LayoutMismatch"/>. A <c>state_dict</c> records
/// no activations; the <c>denselinear.activations</c> metadata carries them where DenseLinear wrote it.
/// </remarks>
internal static class PyTorchStateDicts
{
    public const string LayersKey = "denselinear.layers";
    public const string ActivationsKey = "denselinear.activations";

    public static StoredModel ToModel(SafetensorsContent stateDict, ModelFileFormat format)
    {
        var prefixes = new List<string>();
        foreach (string name in stateDict.Names)
        {
            string prefix = PrefixOf(name, stateDict[name]);
            if (!prefixes.Contains(prefix))
            {
                prefixes.Add(prefix);
            }
        }

        if (prefixes.Count == 0)
        {
            throw new InvalidDataException("The state_dict holds no Linear layers.");
        }

        var notes = new List<string>();
        if (format == ModelFileFormat.Safetensors)
        {
            prefixes = OrderOfSafetensors(stateDict, prefixes, notes);
        }

        Activation?[] activations = ActivationsOf(stateDict, prefixes.Count);
        var entries = new List<DenseLayerEntry>(prefixes.Count);
        for (int i = 0; i < prefixes.Count; i++)
        {
            string weightName = Qualify(prefixes[i], "weight"), biasName = Qualify(prefixes[i], "bias");
            if (!stateDict.TryGetTensor(weightName, out StoredTensor? weight))
            {
                throw new InvalidDataException($"'{biasName}' has no '{weightName}'.");
            }

            stateDict.TryGetTensor(biasName, out StoredTensor? bias);
            var entry = new DenseLayerEntry(prefixes[i], weight, bias, activations[i], weightName, bias is null ? null : biasName, null);
            LayoutEvidence.ThrowIfNoLayoutFits(entry, WeightLayout.OutIn);
            entries.Add(entry);
        }

        // A weight stored [in, out] (Keras' layout) is kept and named as the forgotten transpose it is, when the file shows it.
        List<StoredLayer> layers = LayoutEvidence.DecideChain(entries, WeightLayout.OutIn, "Layer ");
        return new StoredModel(format, layers, notes: notes);
    }

    public static SafetensorsContent FromModel(StoredModel model)
    {
        var tensors = new List<KeyValuePair<string, StoredTensor>>();
        foreach (StoredLayer layer in model.Layers)
        {
            layer.ThrowIfLayoutMismatch("converted to a state_dict");
            StoredTensor weight = layer.Layout == WeightLayout.OutIn ? layer.Weight : layer.Weight.TransposeMatrix();
            tensors.Add(new(Qualify(layer.Name, "weight"), weight));
            if (layer.Bias is not null)
            {
                tensors.Add(new(Qualify(layer.Name, "bias"), layer.Bias));
            }
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LayersKey] = string.Join(',', model.Layers.Select(layer => layer.Name)),
        };
        if (model.Layers.All(layer => layer.Activation is not null))
        {
            metadata[ActivationsKey] = string.Join(',', model.Layers.Select(layer => ActivationNames.Of(layer.Activation!.Value)));
        }

        return new SafetensorsContent(tensors, metadata);
    }

    private static string PrefixOf(string name, StoredTensor tensor)
    {
        int dot = name.LastIndexOf('.');
        string parameter = dot < 0 ? name : name[(dot + 1)..];
        if (parameter is not ("weight" or "bias"))
        {
            throw new InvalidDataException($"'{name}' {tensor} is not a Linear weight or bias: the model has a layer other than Linear, which would change the function. DenseLinear reads chains of Linear layers.");
        }

        if (parameter == "weight" && tensor.Rank != 2)
        {
            throw new InvalidDataException($"'{name}' is {tensor}, not a matrix [out_features, in_features]: not a Linear layer.");
        }

        return dot < 0 ? string.Empty : name[..dot];
    }

    private static List<string> OrderOfSafetensors(SafetensorsContent stateDict, List<string> prefixes, List<string> notes)
    {
        if (stateDict.Metadata.TryGetValue(LayersKey, out string? recorded))
        {
            List<string> order = [.. recorded.Split(',')];
            if (order.Count != prefixes.Count || order.Except(prefixes, StringComparer.Ordinal).Any())
            {
                throw new InvalidDataException($"The metadata '{LayersKey}' lists [{recorded}] but the tensors are of layers [{string.Join(", ", prefixes)}].");
            }

            return order;
        }

        List<string> sorted = [.. prefixes.Order(NaturalOrder.Instance)];
        if (sorted.Count > 1)
        {
            notes.Add($"safetensors keeps no module order: the layers are taken in the order of their names, numbers compared as numbers ({string.Join(", ", sorted)}).");
        }

        return sorted;
    }

    // Without the metadata the activations are unrecorded (null): a state_dict has none to say.
    private static Activation?[] ActivationsOf(SafetensorsContent stateDict, int count)
    {
        var activations = new Activation?[count];
        if (stateDict.Metadata.TryGetValue(ActivationsKey, out string? recorded))
        {
            string[] names = recorded.Split(',');
            if (names.Length != count)
            {
                throw new InvalidDataException($"The metadata '{ActivationsKey}' lists {names.Length} activations for {count} layers.");
            }

            for (int i = 0; i < count; i++)
            {
                activations[i] = ActivationNames.TryParse(names[i], out Activation activation)
                    ? activation
                    : throw new InvalidDataException($"The metadata '{ActivationsKey}' names an unknown activation '{names[i]}'.");
            }
        }

        return activations;
    }

    private static string Qualify(string prefix, string parameter) => prefix.Length == 0 ? parameter : $"{prefix}.{parameter}";

    /// <summary>Compares names by their runs of digits as numbers and the rest ordinally.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            string a = x ?? string.Empty, b = y ?? string.Empty;
            int i = 0, j = 0;
            while (i < a.Length && j < b.Length)
            {
                if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
                {
                    int endA = i, endB = j;
                    while (endA < a.Length && char.IsAsciiDigit(a[endA]))
                    {
                        endA++;
                    }

                    while (endB < b.Length && char.IsAsciiDigit(b[endB]))
                    {
                        endB++;
                    }

                    string digitsA = a[i..endA].TrimStart('0'), digitsB = b[j..endB].TrimStart('0');
                    int order = digitsA.Length != digitsB.Length ? digitsA.Length.CompareTo(digitsB.Length) : string.CompareOrdinal(digitsA, digitsB);
                    if (order != 0)
                    {
                        return order;
                    }

                    (i, j) = (endA, endB);
                }
                else
                {
                    if (a[i] != b[j])
                    {
                        return a[i].CompareTo(b[j]);
                    }

                    (i, j) = (i + 1, j + 1);
                }
            }

            return (a.Length - i).CompareTo(b.Length - j) is var tail and not 0 ? tail : string.CompareOrdinal(a, b);
        }
    }
}
