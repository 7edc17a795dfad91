using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.IO;

namespace DenseLinear.Layers;

/// <summary>
/// Loads and saves layers in their frameworks' own file conventions: a PyTorch <see cref="LinearLayer{T}"/> as
/// <c>state_dict</c> entries <c>&lt;prefix&gt;.weight</c> [out, in] and optional <c>&lt;prefix&gt;.bias</c> [out] in
/// a <c>.safetensors</c> file; a Keras <see cref="DenseLayer{T}"/> as a kernel [in, units] <c>.npy</c> file and an
/// optional bias [units] <c>.npy</c> file (<c>np.save(dense.get_weights()[0])</c>).
/// </summary>
/// <remarks>
/// Values are moved, never computed, so save-then-load reproduces every bit. Convert between the conventions with
/// <see cref="WeightConversion"/>. bfloat16 and float16 tensors are widened exactly to the layer's float or double. A
/// file of the other 32/64-bit type than the layer's element type, or whose shapes do not make a layer, raises
/// <see cref="InvalidDataException"/>, as do the readers' own format errors.
/// </remarks>
public static class LayerWeightFiles
{
    /// <summary>Builds a PyTorch-convention layer from <c>&lt;prefix&gt;.weight</c> and, if present, <c>&lt;prefix&gt;.bias</c>.</summary>
    /// <param name="stateDict">The file's tensors.</param>
    /// <param name="prefix">The module path, e.g. <c>fc1</c>; empty for bare <c>weight</c>/<c>bias</c>.</param>
    /// <param name="matMulKernel">The matrix matMulKernel; the default when <see langword="null"/>.</param>
    /// <exception cref="InvalidDataException">The weight is missing, a tensor is neither <typeparamref name="T"/> nor bfloat16/float16, or the shapes are not [out, in] and [out].</exception>
    public static LinearLayer<T> ReadLinear<T>(SafetensorsContent stateDict, string prefix, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        ArgumentNullException.ThrowIfNull(prefix);
        string weightName = Qualify(prefix, "weight");
        if (!stateDict.TryGetTensor(weightName, out StoredTensor? weight))
        {
            throw new InvalidDataException($"The state_dict has no '{weightName}'.");
        }

        stateDict.TryGetTensor(Qualify(prefix, "bias"), out StoredTensor? bias);
        CheckMatrix<T>(weight, bias, weightName, "[out_features, in_features]", outputAxis: 0);
        if (KeepsSixteenBits<T>(weight, bias))
        {
            return LinearLayer<T>.FromSixteenBit(weight, bias, matMulKernel);
        }

        (Tensor<T> w, Tensor<T>? b) = (weight.ToTensor<T>(), bias?.ToTensor<T>());
        return new LinearLayer<T>(w, b, matMulKernel);
    }

    /// <summary>Reads a <c>.safetensors</c> file and builds the layer under <paramref name="prefix"/>; see <see cref="ReadLinear{T}"/>.</summary>
    /// <exception cref="InvalidDataException">The file or its entries are not valid.</exception>
    public static LinearLayer<T> LoadLinear<T>(string path, string prefix, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ReadLinear(SafetensorsFile.ReadFile(path), prefix, matMulKernel);

    /// <summary>
    /// Builds the Linear chain of an <c>nn.Sequential</c> MLP from its <c>state_dict</c>: entries <c>&lt;i&gt;.weight</c>
    /// [out, in] and optional <c>&lt;i&gt;.bias</c> for module indices i in ascending order (parameter-free modules
    /// such as ReLU leave gaps), each layer's in_features the previous one's out_features.
    /// </summary>
    /// <param name="stateDict">The file's tensors, from <see cref="PyTorchCheckpointFile"/> or <see cref="SafetensorsFile"/>.</param>
    /// <param name="hiddenActivation">The activation between layers, given to every Dense layer but the last (a state_dict does not record it).</param>
    /// <param name="matMulKernel">The matrix multiplication the layers run on; the default when <see langword="null"/>.</param>
    /// <exception cref="InvalidDataException">A name is not <c>&lt;index&gt;.weight</c> or <c>&lt;index&gt;.bias</c>, a bias has no weight, a tensor does not fit, consecutive layers do not chain, or a weight is stored [in, out] as its bias or the chain shows (a forgotten transpose: the message says why).</exception>
    public static SequentialLayers<T> ReadSequential<T>(SafetensorsContent stateDict, Activation hiddenActivation = Activation.Linear, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var indices = new SortedSet<int>();
        foreach (string name in stateDict.Names)
        {
            int dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || !int.TryParse(name.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
                || index.ToString(System.Globalization.CultureInfo.InvariantCulture) != name[..dot] || name[(dot + 1)..] is not ("weight" or "bias"))
            {
                throw new InvalidDataException($"'{name}' is not an nn.Sequential Linear parameter '<index>.weight' or '<index>.bias'.");
            }

            if (!stateDict.TryGetTensor(Qualify(name[..dot], "weight"), out _))
            {
                throw new InvalidDataException($"'{name}' has no '{name[..dot]}.weight'.");
            }

            indices.Add(index);
        }

        if (indices.Count == 0)
        {
            throw new InvalidDataException("The state_dict holds no Linear layers.");
        }

        ThrowIfLayoutMismatch(stateDict, indices);
        var linear = new List<LinearLayer<T>>();
        var sixteenBitWeights = new List<StoredTensor?>();
        var dense = new List<DenseLayer<T>>();
        var names = new List<string>();
        foreach (int index in indices)
        {
            LinearLayer<T> layer = ReadLinear(stateDict, index.ToString(System.Globalization.CultureInfo.InvariantCulture), matMulKernel);
            if (linear.Count > 0 && linear[^1].OutFeatures != layer.InFeatures)
            {
                throw new InvalidDataException($"Layer '{index}' takes {layer.InFeatures} features but the layer before it gives {linear[^1].OutFeatures}.");
            }

            linear.Add(layer);
            stateDict.TryGetTensor(Qualify(index.ToString(System.Globalization.CultureInfo.InvariantCulture), "weight"), out StoredTensor? stored);
            sixteenBitWeights.Add(layer.WeightDType is TensorDType.BFloat16 or TensorDType.Float16 ? stored : null);
        }

        for (int i = 0; i < linear.Count; i++)
        {
            Activation activation = i == linear.Count - 1 ? Activation.Linear : hiddenActivation;
            Tensor<T>? bias = null;
            if (linear[i].HasBias)
            {
                var values = ArrayLength.Allocate<T>(linear[i].Bias.Lengths, "bias");
                linear[i].Bias.FlattenTo(values);
                bias = Tensor.Create(values, [values.Length]);
            }

            // A 16-bit weight stays 16-bit in its Keras twin too: the stored bits transposed, nothing widened.
            dense.Add(linear[i].WeightDType is TensorDType.BFloat16 or TensorDType.Float16
                ? DenseLayer<T>.FromSixteenBit(sixteenBitWeights[i]!.TransposeMatrix(), bias is null ? null : StoredTensor.FromTensor<T>(bias), activation, linear[i].MatMulKernel)
                : new DenseLayer<T>(WeightConversion.Transpose(linear[i].Weight), bias, activation, linear[i].MatMulKernel));
            names.Add(i == 0 ? "dense" : $"dense_{i}");
        }

        return new SequentialLayers<T>([.. indices], linear, names, dense);
    }

    /// <summary>
    /// Reads an MLP from a <c>.pt</c>/<c>.pth</c> or <c>.safetensors</c> <c>nn.Sequential</c> state dict (see
    /// <see cref="ReadSequential{T}(SafetensorsContent, Activation, IMatMulKernel{T})"/>) or from a Keras file
    /// (<c>.keras</c>, <c>.weights.h5</c>, legacy <c>.h5</c>; see <see cref="ReadSequential{T}(StoredModel, Activation, IMatMulKernel{T})"/>),
    /// the format chosen by the file's bytes, not its extension.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is none of those formats (the message says what it is), or its entries are not valid.</exception>
    public static SequentialLayers<T> LoadSequential<T>(string path, Activation hiddenActivation = Activation.Linear, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] file = File.ReadAllBytes(path);
        return FileSignature.Detect(file) switch
        {
            FileContainer.Zip when !KerasModelFile.IsKerasArchive(file) => ReadSequential(PyTorchCheckpointFile.Read(file), hiddenActivation, matMulKernel),
            FileContainer.Safetensors => ReadSequential(SafetensorsFile.Read(file), hiddenActivation, matMulKernel),
            _ => ReadSequential(StoredModel.Read(file), hiddenActivation, matMulKernel),
        };
    }

    /// <summary>
    /// Builds the chain of a model read by <see cref="StoredModel"/> (a Keras file, say): layer i becomes module i,
    /// its weight laid out [out, in] (a Keras kernel transposed, bits moved). The activations the file records must be
    /// one hidden activation on every layer but the last and linear on the last, as <see cref="SequentialLayers{T}"/>
    /// computes; where the file records none, <paramref name="hiddenActivation"/> is used.
    /// </summary>
    /// <exception cref="InvalidDataException">The recorded activations are not of that form, a tensor does not fit, or a layer has a <see cref="StoredLayer.LayoutMismatch"/> (its framework could not load that file; the message says why).</exception>
    public static SequentialLayers<T> ReadSequential<T>(StoredModel model, Activation hiddenActivation = Activation.Linear, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var hidden = model.Layers.Take(model.Layers.Count - 1).Select(layer => layer.Activation).Where(activation => activation is not null).Distinct().ToList();
        if (hidden.Count > 1 || model.Layers[^1].Activation is not (null or Activation.Linear))
        {
            throw new InvalidDataException($"The layers' activations are {string.Join(", ", model.Layers.Select(layer => layer.Activation?.ToString() ?? "unrecorded"))}; a Sequential chain here has one hidden activation and a linear last layer. Read the file with StoredModel instead.");
        }

        var tensors = new List<KeyValuePair<string, StoredTensor>>();
        for (int i = 0; i < model.Layers.Count; i++)
        {
            StoredLayer layer = model.Layers[i];
            layer.ThrowIfLayoutMismatch("loaded");
            tensors.Add(new($"{i}.weight", layer.Layout == WeightLayout.OutIn ? layer.Weight : layer.Weight.TransposeMatrix()));
            if (layer.Bias is not null)
            {
                tensors.Add(new($"{i}.bias", layer.Bias));
            }
        }

        SequentialLayers<T> chain = ReadSequential(new SafetensorsContent(tensors), hidden.Count == 1 ? hidden[0]!.Value : hiddenActivation, matMulKernel);
        return chain with { DenseNames = [.. model.Layers.Select(layer => layer.Name)] };
    }

    /// <summary>The layer's <c>state_dict</c> entries: <c>&lt;prefix&gt;.weight</c>, then <c>&lt;prefix&gt;.bias</c> if it has one.</summary>
    public static SafetensorsContent ToStateDict<T>(LinearLayer<T> layer, string prefix, IEnumerable<KeyValuePair<string, string>>? metadata = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(prefix);
        var tensors = new List<KeyValuePair<string, StoredTensor>> { new(Qualify(prefix, "weight"), StoredTensor.FromTensor(layer.Weight)) };
        if (layer.HasBias)
        {
            tensors.Add(new(Qualify(prefix, "bias"), StoredTensor.FromTensor(layer.Bias)));
        }

        return new SafetensorsContent(tensors, metadata);
    }

    /// <summary>Writes the layer's <c>state_dict</c> entries as the <c>.safetensors</c> file <paramref name="path"/>.</summary>
    public static void SaveLinear<T>(LinearLayer<T> layer, string path, string prefix)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        SafetensorsFile.WriteFile(path, ToStateDict(layer, prefix));

    /// <summary>Builds a Keras-convention layer from a kernel [in, units] and an optional bias [units].</summary>
    /// <exception cref="InvalidDataException">A tensor is neither <typeparamref name="T"/> nor bfloat16/float16, or the shapes are not [in, units] and [units].</exception>
    public static DenseLayer<T> ReadDense<T>(StoredTensor kernel, StoredTensor? bias, Activation activation = Activation.Linear, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(kernel);
        CheckMatrix<T>(kernel, bias, "kernel", "[input_dim, units]", outputAxis: 1);
        if (KeepsSixteenBits<T>(kernel, bias))
        {
            return DenseLayer<T>.FromSixteenBit(kernel, bias, activation, matMulKernel);
        }

        return new DenseLayer<T>(kernel.ToTensor<T>(), bias?.ToTensor<T>(), activation, matMulKernel);
    }

    /// <summary>Reads kernel and (when <paramref name="biasPath"/> is given) bias <c>.npy</c> files into a Keras-convention layer.</summary>
    /// <exception cref="InvalidDataException">A file is not valid, or its contents do not make a layer.</exception>
    public static DenseLayer<T> LoadDense<T>(string kernelPath, string? biasPath, Activation activation = Activation.Linear, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ReadDense(NpyFile.ReadFile(kernelPath), biasPath is null ? null : NpyFile.ReadFile(biasPath), activation, matMulKernel);

    /// <summary>Writes the kernel, and the bias, as <c>.npy</c> files in NumPy's default layout.</summary>
    /// <exception cref="ArgumentException">A bias path is given for a layer without bias, or missing for one with a bias.</exception>
    public static void SaveDense<T>(DenseLayer<T> layer, string kernelPath, string? biasPath)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.UseBias != biasPath is not null)
        {
            throw new ArgumentException(layer.UseBias ? "The layer has a bias; give a path for it." : "The layer has no bias to write.", nameof(biasPath));
        }

        NpyFile.WriteFile(kernelPath, StoredTensor.FromTensor(layer.Kernel));
        if (biasPath is not null)
        {
            NpyFile.WriteFile(biasPath, StoredTensor.FromTensor(layer.Bias));
        }
    }

    // A weight the file shows to be stored [in, out] (its bias, or the chain, says so) is refused with that reason,
    // not as a bias that does not fit: a forgotten transpose, which PyTorch could not load either.
    private static void ThrowIfLayoutMismatch(SafetensorsContent stateDict, SortedSet<int> indices)
    {
        var entries = new List<DenseLayerEntry>(indices.Count);
        foreach (int index in indices)
        {
            string prefix = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            stateDict.TryGetTensor(Qualify(prefix, "weight"), out StoredTensor? weight);
            stateDict.TryGetTensor(Qualify(prefix, "bias"), out StoredTensor? bias);
            var entry = new DenseLayerEntry(prefix, weight!, bias, null, Qualify(prefix, "weight"), bias is null ? null : Qualify(prefix, "bias"), null);
            if (!LayoutEvidence.FitsSomeLayout(entry))
            {
                return;
            }

            entries.Add(entry);
        }

        foreach (StoredLayer layer in LayoutEvidence.Decide(entries, WeightLayout.OutIn))
        {
            layer.ThrowIfLayoutMismatch("loaded");
        }
    }

    private static bool Fits(StoredTensor tensor, TensorDType layerDType) =>
        tensor.DType == layerDType || tensor.DType is TensorDType.BFloat16 or TensorDType.Float16;

    private static string Qualify(string prefix, string parameter) => prefix.Length == 0 ? parameter : $"{prefix}.{parameter}";

    private static void CheckMatrix<T>(StoredTensor matrix, StoredTensor? bias, string name, string expectedShape, int outputAxis)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
        {
            throw new NotSupportedException($"Layers are read from weight files as float or double, not {typeof(T).Name}.");
        }

        // A 16-bit tensor widens exactly, so a bf16 or f16 file builds a float or double layer; float and double do not mix.
        TensorDType dtype = StoredTensor.DTypeOf<T>();
        if (!Fits(matrix, dtype) || (bias is not null && !Fits(bias, dtype)))
        {
            throw new InvalidDataException($"'{name}' is stored as {matrix.DType}{(bias is null ? string.Empty : $" with a {bias.DType} bias")}; a {typeof(T).Name} layer needs {dtype}, {TensorDType.BFloat16} or {TensorDType.Float16}.");
        }

        if (matrix.Rank != 2 || !ArrayLength.FitsSpan(matrix.Shape[0]) || !ArrayLength.FitsSpan(matrix.Shape[1]))
        {
            throw new InvalidDataException($"'{name}' must be a matrix {expectedShape}, got {matrix}.");
        }

        long units = matrix.Shape[outputAxis];
        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != units))
        {
            throw new InvalidDataException($"The bias must be [{units}] to match '{name}' {StoredTensor.Format(matrix.Shape)}, got {StoredTensor.Format(bias.Shape)}.");
        }
    }

    // A float layer keeps a 16-bit weight as stored (the mixed-precision kernel reads it); a double layer widens it.
    private static bool KeepsSixteenBits<T>(StoredTensor matrix, StoredTensor? bias)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) && matrix.DType is TensorDType.BFloat16 or TensorDType.Float16 && bias?.DType is not TensorDType.Float64;
}
