namespace DenseLinear.IO;

/// <summary>
/// Collects a Keras model's layers in order into a <see cref="StoredModel"/>: Dense layers kept, InputLayer and
/// Dropout listed as the identity they are at inference, an Activation layer folded into a linear Dense before it,
/// every other layer refused by name.
/// </summary>
internal sealed class KerasChain(string source)
{
    private readonly List<StoredLayer> layers = [];
    private readonly List<NonDenseLayer> others = [];
    private readonly List<string> notes = [];
    private bool activationPending;

    public void AddDense(string name, StoredTensor kernel, string kernelPath, StoredTensor? bias, string? biasPath, string? activationName, bool activationRecorded)
    {
        Activation? activation = activationRecorded ? Parse(activationName, name) : null;
        var layer = new StoredLayer(name, WeightLayout.InOut, kernel, bias, activation, kernelPath, biasPath);
        if (layers.Count > 0 && layers[^1].OutFeatures != layer.InFeatures)
        {
            throw new InvalidDataException($"keras: {source}: layer '{name}' takes {layer.InFeatures} features but '{layers[^1].Name}' before it gives {layers[^1].OutFeatures}.");
        }

        layers.Add(layer);
        activationPending = activation == Activation.Linear;
    }

    /// <summary>A layer the config names that is not Dense.</summary>
    public void AddOther(KerasLayerConfig config, int weightCount)
    {
        if (weightCount > 0)
        {
            throw Refuse(config, $"has {weightCount} weights");
        }

        switch (config.ClassName)
        {
            case "InputLayer" or "Dropout":
                others.Add(new NonDenseLayer(config.Name, config.ClassName, "identity at inference"));
                break;
            case "Activation" when activationPending:
                StoredLayer previous = layers[^1];
                layers[^1] = new StoredLayer(previous.Name, previous.Layout, previous.Weight, previous.Bias, Parse(config.Activation, config.Name), previous.WeightPath, previous.BiasPath);
                activationPending = false;
                others.Add(new NonDenseLayer(config.Name, config.ClassName, $"folded into '{previous.Name}' as its activation {config.Activation}"));
                break;
            case "Activation":
                throw Refuse(config, "follows no linear Dense layer to fold into");
            default:
                throw Refuse(config, "changes the function");
        }
    }

    /// <summary>A weightless layer of a weights-only file, whose kind the file does not record.</summary>
    public void AddUnrecorded(string name, string groupPath)
    {
        others.Add(new NonDenseLayer(name, "unrecorded", $"no weights at '{groupPath}'; a weights-only file does not record what it does"));
    }

    public void Note(string note) => notes.Add(note);

    public StoredModel Build(ModelFileFormat format) =>
        layers.Count > 0 ? new StoredModel(format, layers, others, notes) : throw new InvalidDataException($"keras: {source} holds no Dense layers.");

    private Activation Parse(string? activationName, string layer) =>
        ActivationNames.TryParse(activationName, out Activation activation)
            ? activation
            : throw new InvalidDataException($"keras: {source}: layer '{layer}' uses the activation '{activationName}', which DenseLinear does not compute (linear, relu, sigmoid, tanh, softmax, gelu).");

    private InvalidDataException Refuse(KerasLayerConfig config, string why) =>
        new($"keras: {source}: layer '{config.Name}' ({config.ClassName}) {why}; DenseLinear reads Dense layers, with InputLayer, Dropout and Activation layers between them.");
}
