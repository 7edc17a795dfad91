using System.Text;

namespace DenseLinear.IO;

/// <summary>
/// Reads and writes Keras model files: Keras 3 <c>.keras</c> archives and <c>.weights.h5</c> files, and the legacy
/// Keras 2 / tf.keras <c>.h5</c> (full model or weights only), as a <see cref="StoredModel"/> of Dense layers with
/// kernels K [in, units] (<see cref="WeightLayout.InOut"/>).
/// </summary>
/// <remarks>
/// <para>The layout is chosen by the bytes: a zip holding <c>config.json</c> is a <c>.keras</c> archive; an HDF5 file
/// with a <c>model_config</c> attribute is a legacy full model, one with a <c>layer_names</c> (or <c>layer_names0</c>) attribute a legacy
/// weights file, one with a <c>layers</c> group a Keras 3 weights file. The extension is never consulted (an HDF5 file
/// named <c>.keras</c> is read as the HDF5 it is).</para>
/// <para>A <c>.keras</c> archive's <c>config.json</c> gives the Sequential's layer order, names, units, activations and
/// use_bias; its weights are <c>layers/&lt;class&gt;[_&lt;n&gt;]/vars/0</c> (kernel) and <c>vars/1</c> (bias), the
/// groups named by Keras' per-class counter. A weights-only file records no activations; its Dense layers are taken in
/// counter order (<c>dense</c>, <c>dense_1</c>, …, <c>dense_10</c>).</para>
/// <para>Hostile input: the HDF5 is parsed by DenseLinear's own reader (PureHDF only writes), every size checked
/// against the file, or the message holding it, before anything is allocated; the archive's entries are read no further than their declared sizes
/// (which must be possible for their compressed sizes), and every failure is an <see cref="InvalidDataException"/>.</para>
/// </remarks>
public static class KerasModelFile
{
    private const string ConfigEntry = "config.json";
    private const string WeightsEntry = "model.weights.h5";

    /// <summary>Reads a <c>.keras</c> archive or a Keras HDF5 file.</summary>
    /// <exception cref="InvalidDataException">The bytes are neither, or not valid.</exception>
    public static StoredModel Read(ReadOnlyMemory<byte> file)
    {
        FileContainer container = FileSignature.Detect(file.Span);
        return container switch
        {
            FileContainer.Hdf5 => ReadHdf5(file, null, "the HDF5 file"),
            FileContainer.Zip => ReadArchive(file),
            _ => throw new InvalidDataException($"keras: the file is {FileSignature.Describe(container)}, not a .keras archive or a Keras HDF5 file."),
        };
    }

    /// <summary>Reads a whole stream; see <see cref="Read(ReadOnlyMemory{byte})"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid Keras file.</exception>
    public static StoredModel Read(Stream stream) => Read(InputBytes.ReadToEnd(stream));

    /// <summary>Reads the file at <paramref name="path"/>; see <see cref="Read(ReadOnlyMemory{byte})"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid Keras file.</exception>
    public static StoredModel ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>
    /// The model in Keras' convention: each weight as a kernel K [in, units] (a PyTorch weight transposed, bits moved);
    /// each layer named as before unless that name is empty, a number or has a <c>/</c> (then <c>dense</c>,
    /// <c>dense_1</c>, …); activations kept, an unrecorded one written as linear.
    /// </summary>
    /// <exception cref="InvalidDataException">A layer has a <see cref="StoredLayer.LayoutMismatch"/>: its file could not be loaded by its framework, so it is not converted.</exception>
    public static StoredModel ToKeras(StoredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (StoredLayer layer in model.Layers)
        {
            layer.ThrowIfLayoutMismatch("converted to Keras");
        }

        return model.Relayout(
            ModelFileFormat.KerasWeights,
            WeightLayout.InOut,
            (i, layer) => layer.Name.Length == 0 || layer.Name.Contains('/', StringComparison.Ordinal) || layer.Name.All(char.IsAsciiDigit) ? KerasWriter.GroupName(i) : layer.Name,
            (i, _) => $"layers/{KerasWriter.GroupName(i)}/vars/0",
            (i, _) => $"layers/{KerasWriter.GroupName(i)}/vars/1");
    }

    /// <summary>Writes the model as a Keras 3 <c>.weights.h5</c> file (converted by <see cref="ToKeras"/>).</summary>
    /// <exception cref="ArgumentException">Two layers would get the same Keras name.</exception>
    /// <exception cref="InvalidDataException">A layer has a <see cref="StoredLayer.LayoutMismatch"/>.</exception>
    public static void WriteWeights(Stream stream, StoredModel model)
    {
        ArgumentNullException.ThrowIfNull(stream);
        KerasWriter.WriteWeights(stream, ToKeras(model));
    }

    /// <summary>Writes the model as a Keras 3 <c>.weights.h5</c> file at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">Two layers would get the same Keras name.</exception>
    /// <exception cref="InvalidDataException">A layer has a <see cref="StoredLayer.LayoutMismatch"/>.</exception>
    public static void WriteWeightsFile(string path, StoredModel model)
    {
        using FileStream stream = File.Create(path);
        WriteWeights(stream, model);
    }

    /// <summary>
    /// Writes the model as a Keras 3 <c>.keras</c> archive: <c>metadata.json</c>, a Sequential <c>config.json</c>
    /// (an InputLayer, then one Dense per layer with its units, activation and use_bias) and <c>model.weights.h5</c>;
    /// stored uncompressed, as Keras writes it, and byte for byte the same for the same model.
    /// </summary>
    /// <exception cref="ArgumentException">Two layers would get the same Keras name.</exception>
    /// <exception cref="InvalidDataException">A layer has a <see cref="StoredLayer.LayoutMismatch"/>.</exception>
    public static void WriteArchive(Stream stream, StoredModel model)
    {
        ArgumentNullException.ThrowIfNull(stream);
        KerasWriter.WriteArchive(stream, ToKeras(model));
    }

    /// <summary>Writes the model as a <c>.keras</c> archive at <paramref name="path"/>; see <see cref="WriteArchive"/>.</summary>
    /// <exception cref="ArgumentException">Two layers would get the same Keras name.</exception>
    /// <exception cref="InvalidDataException">A layer has a <see cref="StoredLayer.LayoutMismatch"/>.</exception>
    public static void WriteArchiveFile(string path, StoredModel model)
    {
        using FileStream stream = File.Create(path);
        WriteArchive(stream, model);
    }

    /// <summary>Whether a zip's bytes name a <c>.keras</c> archive's members (a <c>torch.save</c> zip holds <c>data.pkl</c> instead).</summary>
    internal static bool IsKerasArchive(ReadOnlySpan<byte> file) =>
        file.IndexOf(Encoding.ASCII.GetBytes(ConfigEntry)) >= 0 && file.IndexOf("data.pkl"u8) < 0;

    private static StoredModel ReadHdf5(ReadOnlyMemory<byte> file, List<KerasLayerConfig>? config, string source)
    {
        Hdf5Objects h5 = Hdf5Objects.Open(file);
        if (config is not null)
        {
            return KerasWeightGroups.ReadKeras3(h5, config, ModelFileFormat.KerasArchive, source);
        }

        if (Hdf5Objects.HasAttribute(h5.Root, "model_config"))
        {
            return KerasWeightGroups.ReadLegacy(h5, ModelFileFormat.LegacyKerasModel, source);
        }

        // Keras 2 splits a long list into layer_names0, layer_names1, … (more than HDF5's 64 KiB header space).
        if (Hdf5Objects.HasAttribute(h5.Root, "layer_names") || Hdf5Objects.HasAttribute(h5.Root, "layer_names0"))
        {
            return KerasWeightGroups.ReadLegacy(h5, ModelFileFormat.LegacyKerasWeights, source);
        }

        return h5.FindGroup(h5.Root, "layers") is not null
            ? KerasWeightGroups.ReadKeras3(h5, null, ModelFileFormat.KerasWeights, source)
            : throw new InvalidDataException($"keras: {source} is HDF5 but none of Keras' layouts: no 'layers' group, no 'layer_names' or 'model_config' attribute.");
    }

    private static StoredModel ReadArchive(ReadOnlyMemory<byte> file)
    {
        Dictionary<string, byte[]> entries = KerasArchive.ReadEntries(file);
        if (!entries.TryGetValue(ConfigEntry, out byte[]? config) || !entries.TryGetValue(WeightsEntry, out byte[]? weights))
        {
            throw new InvalidDataException($"keras: the zip archive lacks '{ConfigEntry}' or '{WeightsEntry}'; it is not a .keras archive (entries: {string.Join(", ", entries.Keys)}).");
        }

        string json;
        try
        {
            json = new UTF8Encoding(false, true).GetString(config);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"keras: {ConfigEntry} is not UTF-8.", e);
        }

        List<KerasLayerConfig> layers = KerasConfig.SequentialLayers(json, ConfigEntry);
        if (FileSignature.Detect(weights) != FileContainer.Hdf5)
        {
            throw new InvalidDataException($"keras: {WeightsEntry} in the archive is {FileSignature.Describe(FileSignature.Detect(weights))}, not HDF5.");
        }

        return ReadHdf5(weights, layers, $"the archive's {WeightsEntry}");
    }
}
