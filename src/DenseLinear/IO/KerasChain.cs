namespace DenseLinear.IO;

/// <summary>
/// Collects a Keras model's layers in order into a <see cref="StoredModel"/>: Dense layers kept, InputLayer and
/// Dropout listed as the identity they are at inference, an Activation layer folded into a linear Dense before it,
/// every other layer refused by name. Each kernel's layout is decided at the end by <see cref="LayoutEvidence"/>,
/// so a kernel stored [units, in] (PyTorch's layout) is kept and named as the forgotten transpose it is.
/// </summary>
internal sealed class KerasChain(string source)
{
    private readonly List<DenseLayerEntry> layers = [];
    private readonly List<NonDenseLayer> others = [];
    private bool activationPending;

    public void AddDense(string name, StoredTensor kernel, string kernelPath, StoredTensor? bias, string? biasPath, string? activationName, bool activationRecorded, long? units = null)
    {
        Activation? activation = activationRecorded ? Parse(activationName, name) : null;
        var entry = new DenseLayerEntry(name, kernel, bias, activation, kernelPath, bias is null ? null : biasPath, units);
        LayoutEvidence.ThrowIfNoLayoutFits(entry, WeightLayout.InOut);
        layers.Add(entry);
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
                DenseLayerEntry previous = layers[^1];
                layers[^1] = previous with { Activation = Parse(config.Activation, config.Name) };
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

    public StoredModel Build(ModelFileFormat format)
    {
        if (layers.Count == 0)
        {
            throw new InvalidDataException($"keras: {source} holds no Dense layers.");
        }

        return new StoredModel(format, LayoutEvidence.DecideChain(layers, WeightLayout.InOut, $"keras: {source}: layer "), others);
    }

    private Activation Parse(string? activationName, string layer) =>
        ActivationNames.TryParse(activationName, out Activation activation)
            ? activation
            : throw new InvalidDataException($"keras: {source}: layer '{layer}' uses the activation '{activationName}', which DenseLinear does not compute (linear, relu, sigmoid, tanh, softmax, gelu).");

    private InvalidDataException Refuse(KerasLayerConfig config, string why) =>
        new($"keras: {source}: layer '{config.Name}' ({config.ClassName}) {why}; DenseLinear reads Dense layers, with InputLayer, Dropout and Activation layers between them.");
}
