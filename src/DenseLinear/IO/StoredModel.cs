namespace DenseLinear.IO;

/// <summary>
/// A model file read as the chain of dense layers it holds, in the model's order, whichever framework wrote it:
/// PyTorch (<c>.pt</c>, safetensors) or Keras (<c>.keras</c>, <c>.weights.h5</c>, legacy <c>.h5</c>). The format is
/// decided by the file's bytes (<see cref="ModelFileFormat"/>), never by its extension.
/// </summary>
/// <remarks>
/// <para>Every layer that is not dense is listed in <see cref="OtherLayers"/> when it leaves the function unchanged at
/// inference (an input layer, dropout) or is folded exactly into the dense layer before it (a Keras
/// <c>Activation</c> layer after a linear <c>Dense</c>); any other layer is refused by name. The readers never guess:
/// an order or a layer kind the file does not decide is refused with the reason.</para>
/// <para>All format errors, the file being untrusted, raise <see cref="InvalidDataException"/>.</para>
/// </remarks>
public sealed class StoredModel
{
    /// <summary>Creates a model from its layers.</summary>
    /// <param name="format">The format it was read from or is to be written as.</param>
    /// <param name="layers">The dense layers in the model's order.</param>
    /// <param name="otherLayers">The layers that are not dense and change nothing (see <see cref="OtherLayers"/>).</param>
    /// <param name="notes">What the file did not say and how the reader filled it, in words.</param>
    public StoredModel(ModelFileFormat format, IReadOnlyList<StoredLayer> layers, IReadOnlyList<NonDenseLayer>? otherLayers = null, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Not a ModelFileFormat.");
        }

        Format = format;
        Layers = [.. layers];
        OtherLayers = [.. otherLayers ?? []];
        Notes = [.. notes ?? []];
    }

    /// <summary>The format the model was read from.</summary>
    public ModelFileFormat Format { get; }

    /// <summary>The dense layers, in the model's order.</summary>
    public IReadOnlyList<StoredLayer> Layers { get; }

    /// <summary>The layers that are not dense and leave the function unchanged, or were folded into a dense layer.</summary>
    public IReadOnlyList<NonDenseLayer> OtherLayers { get; }

    /// <summary>What the file did not say and how the reader filled it (a safetensors order taken from names). An unrecorded activation is no note: <see cref="StoredLayer.Activation"/> is <see langword="null"/>.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Reads a model file of any supported format, chosen by its bytes.</summary>
    /// <exception cref="InvalidDataException">The bytes are no supported format (the message says what they are), or the file is not valid.</exception>
    public static StoredModel Read(ReadOnlyMemory<byte> file)
    {
        FileContainer container = FileSignature.Detect(file.Span);
        return container switch
        {
            FileContainer.Hdf5 => KerasModelFile.Read(file),
            FileContainer.Zip when KerasModelFile.IsKerasArchive(file.Span) => KerasModelFile.Read(file),
            FileContainer.Zip => PyTorchStateDicts.ToModel(PyTorchCheckpointFile.Read(file), ModelFileFormat.PyTorchCheckpoint),
            FileContainer.Safetensors => PyTorchStateDicts.ToModel(SafetensorsFile.Read(file), ModelFileFormat.Safetensors),
            _ => throw new InvalidDataException($"The file is {FileSignature.Describe(container)}, not a model file: DenseLinear reads .pt, .safetensors, .keras, .weights.h5 and Keras .h5."),
        };
    }

    /// <summary>Reads a whole stream; see <see cref="Read(ReadOnlyMemory{byte})"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a supported, valid model file.</exception>
    public static StoredModel Read(Stream stream) => Read(InputBytes.ReadToEnd(stream));

    /// <summary>Reads the file at <paramref name="path"/>; see <see cref="Read(ReadOnlyMemory{byte})"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a supported, valid model file.</exception>
    public static StoredModel ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>
    /// The model in PyTorch's convention: each layer's weight W [out, in] (a Keras kernel transposed, bits moved), named
    /// <c>&lt;layer&gt;.weight</c> and <c>&lt;layer&gt;.bias</c>. The layer names and activations go into the safetensors
    /// metadata (<c>denselinear.layers</c>, <c>denselinear.activations</c>), which a <c>.pt</c> file does not keep.
    /// </summary>
    /// <exception cref="InvalidDataException">A layer has a <see cref="StoredLayer.LayoutMismatch"/>: its file could not be loaded by its framework, so it is not converted.</exception>
    public SafetensorsContent ToStateDict() => PyTorchStateDicts.FromModel(this);

    /// <summary>The model with every layer in <paramref name="layout"/>, keeping names, tensors' bits and activations.</summary>
    /// <param name="format">The format the result is for.</param>
    /// <param name="layout">The weight layout of that format.</param>
    /// <param name="nameOf">The layer's name in that format, from its index and its current name.</param>
    /// <param name="weightPathOf">The weight's path there, from the new name and index.</param>
    /// <param name="biasPathOf">The bias's path there.</param>
    internal StoredModel Relayout(ModelFileFormat format, WeightLayout layout, Func<int, StoredLayer, string> nameOf, Func<int, string, string> weightPathOf, Func<int, string, string> biasPathOf)
    {
        var layers = new List<StoredLayer>(Layers.Count);
        for (int i = 0; i < Layers.Count; i++)
        {
            string name = nameOf(i, Layers[i]);
            layers.Add(Layers[i].WithLayout(layout, name, weightPathOf(i, name), biasPathOf(i, name)));
        }

        return new StoredModel(format, layers, OtherLayers, Notes);
    }
}
