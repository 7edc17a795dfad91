namespace DenseLinear.IO;

/// <summary>
/// One dense layer as a model file stores it: a PyTorch <c>nn.Linear</c> (weight W [out, in],
/// <see cref="WeightLayout.OutIn"/>, y = x·Wᵀ + b) or a Keras <c>Dense</c> (kernel K [in, units],
/// <see cref="WeightLayout.InOut"/>, y = activation(x·K + b)). The tensors are kept as stored: dtype, shape and bits.
/// </summary>
public sealed class StoredLayer
{
    /// <summary>Creates a layer from its stored tensors.</summary>
    /// <param name="name">The layer's name in its file: a module path (<c>fc1</c>) or a Keras layer name (<c>dense_1</c>).</param>
    /// <param name="layout">How <paramref name="weight"/> is laid out.</param>
    /// <param name="weight">A matrix: W [out, in] for <see cref="WeightLayout.OutIn"/>, K [in, units] for <see cref="WeightLayout.InOut"/>.</param>
    /// <param name="bias">The bias [out], or <see langword="null"/> for none.</param>
    /// <param name="activation">The activation after the affine map, or <see langword="null"/> when the file does not record it (a PyTorch <c>state_dict</c>).</param>
    /// <param name="weightPath">Where the weight is in the file (<c>fc1.weight</c>, <c>layers/dense/vars/0</c>).</param>
    /// <param name="biasPath">Where the bias is, or <see langword="null"/>.</param>
    /// <exception cref="InvalidDataException">The weight is not a matrix, or the bias is not a vector of the layer's output length; the message names the shapes.</exception>
    public StoredLayer(string name, WeightLayout layout, StoredTensor weight, StoredTensor? bias, Activation? activation, string weightPath, string? biasPath)
        : this(name, layout, weight, bias, activation, weightPath, biasPath, null)
    {
    }

    /// <summary>Creates a layer from its stored tensors, saying why its layout is not its file format's.</summary>
    /// <param name="name">The layer's name in its file.</param>
    /// <param name="layout">How <paramref name="weight"/> is really laid out, whatever its file's convention.</param>
    /// <param name="weight">A matrix: W [out, in] for <see cref="WeightLayout.OutIn"/>, K [in, units] for <see cref="WeightLayout.InOut"/>.</param>
    /// <param name="bias">The bias [out], or <see langword="null"/> for none.</param>
    /// <param name="activation">The activation after the affine map, or <see langword="null"/> when the file does not record it.</param>
    /// <param name="weightPath">Where the weight is in the file.</param>
    /// <param name="biasPath">Where the bias is, or <see langword="null"/>.</param>
    /// <param name="layoutMismatch">
    /// <see langword="null"/> when the weight is in its file format's layout; else why the reader found it in the other
    /// framework's (see <see cref="LayoutMismatch"/>).
    /// </param>
    /// <exception cref="InvalidDataException">The weight is not a matrix, or the bias is not a vector of the layer's output length; the message names the shapes.</exception>
    public StoredLayer(string name, WeightLayout layout, StoredTensor weight, StoredTensor? bias, Activation? activation, string weightPath, string? biasPath, string? layoutMismatch)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(weightPath);
        if (layout is not (WeightLayout.InOut or WeightLayout.OutIn))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Not a WeightLayout.");
        }

        string expected = layout == WeightLayout.OutIn ? "[out_features, in_features]" : "[input_dim, units]";
        if (weight.Rank != 2)
        {
            throw new InvalidDataException($"Layer '{name}': the weight '{weightPath}' must be a matrix {expected}, got {weight}.");
        }

        long outputs = weight.Shape[layout == WeightLayout.OutIn ? 0 : 1];
        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != outputs))
        {
            throw new InvalidDataException($"Layer '{name}': the bias '{biasPath}' must be [{outputs}] to match the weight {StoredTensor.Format(weight.Shape)}, got {StoredTensor.Format(bias.Shape)}.");
        }

        Name = name;
        Layout = layout;
        Weight = weight;
        Bias = bias;
        Activation = activation;
        WeightPath = weightPath;
        BiasPath = bias is null ? null : biasPath ?? throw new ArgumentNullException(nameof(biasPath));
        LayoutMismatch = layoutMismatch;
    }

    /// <summary>The layer's name in its file.</summary>
    public string Name { get; }

    /// <summary>How <see cref="Weight"/> is laid out: <see cref="WeightLayout.OutIn"/> (PyTorch) or <see cref="WeightLayout.InOut"/> (Keras).</summary>
    public WeightLayout Layout { get; }

    /// <summary>The weight as stored: W [out, in] or K [in, units].</summary>
    public StoredTensor Weight { get; }

    /// <summary>The bias [out], or <see langword="null"/>.</summary>
    public StoredTensor? Bias { get; }

    /// <summary>The activation after the affine map; <see langword="null"/> when the file does not record one.</summary>
    public Activation? Activation { get; }

    /// <summary>Where the weight is in the file.</summary>
    public string WeightPath { get; }

    /// <summary>Where the bias is in the file, or <see langword="null"/>.</summary>
    public string? BiasPath { get; }

    /// <summary>
    /// <see langword="null"/> when the weight is laid out as its file format says (W [out, in] in a PyTorch file, K [in,
    /// units] in a Keras one); otherwise why the reader found it in the other framework's layout, which
    /// <see cref="Layout"/> then gives: a forgotten transpose, e.g. <c>the kernel is stored [8, 4] = [units, in],
    /// PyTorch's layout; the bias [8] and units=8 say Keras' [in, units] is [4, 8]: a forgotten transpose</c>.
    /// </summary>
    /// <remarks>
    /// A reader decides it only from evidence in the file: a bias whose length is the weight's other dimension and
    /// not this one, a Keras config's <c>units</c> equal to the kernel's first dimension and not its second, or a chain
    /// that links only with this layer transposed. A square weight, or one without such evidence, is taken in the
    /// file's convention. The framework itself could not load such a file, so the writers and
    /// <c>LayerWeightFiles.ReadSequential</c> refuse a layer that has one.
    /// </remarks>
    public string? LayoutMismatch { get; }

    /// <summary>The number of inputs: W's second or K's first dimension.</summary>
    public long InFeatures => Weight.Shape[Layout == WeightLayout.OutIn ? 1 : 0];

    /// <summary>The number of outputs: W's first or K's second dimension.</summary>
    public long OutFeatures => Weight.Shape[Layout == WeightLayout.OutIn ? 0 : 1];

    /// <summary>
    /// The same layer with its weight in <paramref name="layout"/>: this one when it already is, else the weight
    /// transposed (bits moved, nothing computed), renamed and re-pathed by the caller's convention.
    /// </summary>
    /// <param name="layout">The layout wanted.</param>
    /// <param name="name">The name in the target file.</param>
    /// <param name="weightPath">The weight's path in the target file.</param>
    /// <param name="biasPath">The bias's path in the target file (ignored without a bias).</param>
    /// <exception cref="InvalidDataException">The layer has a <see cref="LayoutMismatch"/>: its file could not be loaded by its framework, so it is not converted.</exception>
    public StoredLayer WithLayout(WeightLayout layout, string name, string weightPath, string? biasPath)
    {
        ThrowIfLayoutMismatch("converted");
        StoredTensor weight = layout == Layout ? Weight : Weight.TransposeMatrix();
        return new StoredLayer(name, layout, weight, Bias, Activation, weightPath, Bias is null ? null : biasPath);
    }

    /// <summary>The same layer with <paramref name="activation"/>, everything else kept (the layout mismatch too).</summary>
    /// <param name="activation">The activation, or <see langword="null"/> for unrecorded.</param>
    public StoredLayer WithActivation(Activation? activation) =>
        new(Name, Layout, Weight, Bias, activation, WeightPath, BiasPath, LayoutMismatch);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {(Layout == WeightLayout.OutIn ? "weight" : "kernel")} {Weight}{(Bias is null ? ", no bias" : $", bias {Bias}")}, activation {Activation?.ToString() ?? "not recorded"}{(LayoutMismatch is null ? string.Empty : $", layout mismatch: {LayoutMismatch}")}";

    /// <summary>Refuses to go on with a layer whose file its framework could not load.</summary>
    /// <param name="what">What cannot be done, as a past participle: <c>converted</c>, <c>loaded</c>.</param>
    /// <exception cref="InvalidDataException">The layer has a <see cref="LayoutMismatch"/>.</exception>
    internal void ThrowIfLayoutMismatch(string what)
    {
        if (LayoutMismatch is not null)
        {
            throw new InvalidDataException($"Layer '{Name}' cannot be {what}: {LayoutMismatch}. {(Layout == WeightLayout.OutIn ? "Keras" : "PyTorch")} could not load that file either; transpose the weight in the source first.");
        }
    }
}
