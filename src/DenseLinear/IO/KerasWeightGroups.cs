using System.Globalization;
using System.Text.RegularExpressions;

namespace DenseLinear.IO;

/// <summary>
/// The HDF5 layouts of Keras weights: Keras 3 (<c>layers/&lt;group&gt;/vars/&lt;i&gt;</c>, each group named by its
/// class in snake case with a per-class counter: <c>dense</c>, <c>dense_1</c>, …) and Keras 2 / tf.keras (the
/// <c>layer_names</c> attribute listing layer groups in model order, each with a <c>weight_names</c> attribute of paths
/// like <c>dense/kernel:0</c>, under <c>model_weights</c> in a full model or at the root in a weights-only file).
/// </summary>
internal static partial class KerasWeightGroups
{
    /// <summary>Reads a Keras 3 weights file; <paramref name="config"/> (from a <c>.keras</c> archive) gives the order, names and activations.</summary>
    public static StoredModel ReadKeras3(Hdf5Objects h5, List<KerasLayerConfig>? config, ModelFileFormat format, string source)
    {
        Hdf5Node layersGroup = h5.FindGroup(h5.Root, "layers") ?? throw new InvalidDataException($"keras: {source} has no 'layers' group.");
        var groups = h5.Children(layersGroup).Select(child => child.Name).ToList();
        var chain = new KerasChain(source);
        if (config is not null)
        {
            var counters = new Dictionary<string, int>(StringComparer.Ordinal);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (KerasLayerConfig layer in config)
            {
                string snake = SnakeCase(layer.ClassName);
                int counter = counters[snake] = counters.TryGetValue(snake, out int seen) ? seen + 1 : 0;
                string group = counter == 0 ? snake : $"{snake}_{counter.ToString(CultureInfo.InvariantCulture)}";
                used.Add(group);
                List<(string Path, StoredTensor Tensor, string? Name)> vars = Vars(h5, layersGroup, group);
                if (layer.ClassName == "Dense")
                {
                    AddDense(chain, layer.Name, vars, layer, $"layers/{group}", source);
                }
                else
                {
                    chain.AddOther(layer, vars.Count);
                }
            }

            string? stray = groups.FirstOrDefault(group => !used.Contains(group));
            if (stray is not null)
            {
                throw new InvalidDataException($"keras: {source} has weights 'layers/{stray}' for no layer of config.json.");
            }
        }
        else
        {
            var dense = new List<(int Counter, string Group)>();
            foreach (string group in groups)
            {
                Match match = CounterName().Match(group);
                string snake = match.Success ? match.Groups["class"].Value : group;
                List<(string Path, StoredTensor Tensor, string? Name)> vars = Vars(h5, layersGroup, group);
                if (snake == "dense")
                {
                    dense.Add((match.Groups["counter"].Success ? int.Parse(match.Groups["counter"].Value, CultureInfo.InvariantCulture) : 0, group));
                }
                else if (vars.Count > 0)
                {
                    throw new InvalidDataException($"keras: {source}: 'layers/{group}' has {vars.Count} weights and is not a Dense layer; DenseLinear reads Dense layers.");
                }
                else if (snake is "input_layer" or "dropout")
                {
                    chain.AddOther(new KerasLayerConfig(group, snake == "dropout" ? "Dropout" : "InputLayer", null, null, null), 0);
                }
                else
                {
                    chain.AddUnrecorded(group, $"layers/{group}");
                }
            }

            // Keras numbers a class's layers in model order, so dense_10 comes after dense_2, not before as by name.
            foreach ((int _, string group) in dense.OrderBy(entry => entry.Counter))
            {
                AddDense(chain, group, Vars(h5, layersGroup, group), null, $"layers/{group}", source);
            }
        }

        return chain.Build(format);
    }

    /// <summary>Reads a legacy Keras 2 / tf.keras <c>.h5</c>, full model or weights only.</summary>
    public static StoredModel ReadLegacy(Hdf5Objects h5, ModelFileFormat format, string source)
    {
        Hdf5Node weightsRoot = format == ModelFileFormat.LegacyKerasModel
            ? h5.FindGroup(h5.Root, "model_weights") ?? throw new InvalidDataException($"keras: {source} has a model_config but no 'model_weights' group.")
            : h5.Root;
        string prefix = format == ModelFileFormat.LegacyKerasModel ? "model_weights/" : string.Empty;
        List<string> layerNames = h5.Strings(weightsRoot, "layer_names")
            ?? throw new InvalidDataException($"keras: {source} has no 'layer_names' attribute.");
        Dictionary<string, KerasLayerConfig>? configs = null;
        if (format == ModelFileFormat.LegacyKerasModel)
        {
            string json = h5.String(h5.Root, "model_config") ?? throw new InvalidDataException($"keras: {source} has no 'model_config' attribute.");
            configs = [];
            foreach (KerasLayerConfig layer in KerasConfig.SequentialLayers(json, $"{source} model_config"))
            {
                configs.TryAdd(layer.Name, layer);
            }
        }

        var chain = new KerasChain(source);
        foreach (string name in layerNames)
        {
            string groupPath = prefix + name;
            Hdf5Node group = h5.FindGroup(weightsRoot, name) ?? throw new InvalidDataException($"keras: {source} lists layer '{name}' but has no group '{groupPath}'.");
            List<string> weightNames = h5.Strings(group, "weight_names") ?? [];
            var weights = new List<(string Path, StoredTensor Tensor, string? Name)>();
            foreach (string weightName in weightNames)
            {
                string path = $"{groupPath}/{weightName}";
                Hdf5Node dataset = h5.Find(group, weightName) is { IsDataset: true } weightDataset ? weightDataset : throw new InvalidDataException($"keras: {source} names the weight '{path}' but has no such dataset.");
                string leaf = weightName[(weightName.LastIndexOf('/') + 1)..];
                weights.Add((path, h5.Tensor(dataset), leaf.EndsWith(":0", StringComparison.Ordinal) ? leaf[..^2] : leaf));
            }

            KerasLayerConfig? config = configs is null ? null : configs.TryGetValue(name, out KerasLayerConfig? found) ? found : throw new InvalidDataException($"keras: {source}: model_config has no layer '{name}'.");
            if (config is { ClassName: not "Dense" })
            {
                chain.AddOther(config, weights.Count);
            }
            else if (weights.Count == 0 && config is null)
            {
                chain.AddUnrecorded(name, groupPath);
            }
            else
            {
                AddDense(chain, name, weights, config, groupPath, source);
            }
        }

        return chain.Build(format);
    }

    private static List<(string Path, StoredTensor Tensor, string? Name)> Vars(Hdf5Objects h5, Hdf5Node layersGroup, string group)
    {
        Hdf5Node? vars = h5.FindGroup(layersGroup, $"{group}/vars");
        var result = new List<(string, StoredTensor, string?)>();
        if (vars is null)
        {
            return result;
        }

        List<Hdf5Node> children = h5.Children(vars);
        for (int i = 0; i < children.Count; i++)
        {
            string path = $"layers/{group}/vars/{i.ToString(CultureInfo.InvariantCulture)}";
            Hdf5Node dataset = h5.Find(vars, i.ToString(CultureInfo.InvariantCulture)) is { IsDataset: true } found
                ? found
                : throw new InvalidDataException($"keras: 'layers/{group}/vars' holds {children.Count} entries but no dataset '{path}'.");
            result.Add((path, h5.Tensor(dataset), h5.String(dataset, "name")));
        }

        return result;
    }

    // A Dense layer's weights: the kernel [in, units] and, if used, the bias [units]; by their recorded names where the
    // file has them (Keras 3.6+ 'name' attributes, Keras 2 weight names), else by position.
    private static void AddDense(KerasChain chain, string name, List<(string Path, StoredTensor Tensor, string? Name)> weights, KerasLayerConfig? config, string groupPath, string source)
    {
        if (weights.Count is 0 or > 2)
        {
            throw new InvalidDataException($"keras: {source}: Dense layer '{name}' at '{groupPath}' has {weights.Count} weights, not a kernel and an optional bias.");
        }

        int kernelIndex = weights.FindIndex(weight => weight.Name == "kernel");
        kernelIndex = kernelIndex >= 0 ? kernelIndex : 0;
        (string kernelPath, StoredTensor kernel, string? kernelName) = weights[kernelIndex];
        (string Path, StoredTensor Tensor, string? Name)? bias = weights.Count == 2 ? weights[1 - kernelIndex] : null;
        if (kernelName is not (null or "kernel") || bias is { Name: not (null or "bias") })
        {
            throw new InvalidDataException($"keras: {source}: Dense layer '{name}' has weights named {string.Join(", ", weights.Select(weight => $"'{weight.Name}'"))}, not 'kernel' and 'bias'.");
        }

        // units may be the kernel's first dimension: a kernel stored [units, in], which the chain names as a forgotten transpose.
        if (config is not null && (config.UseBias != (bias is not null) || (kernel.Rank == 2 && kernel.Shape[1] != config.Units && kernel.Shape[0] != config.Units)))
        {
            throw new InvalidDataException($"keras: {source}: Dense layer '{name}' is configured with units={config.Units}, use_bias={config.UseBias}, but stores a kernel {kernel}{(bias is null ? " and no bias" : " and a bias")}.");
        }

        chain.AddDense(name, kernel, kernelPath, bias?.Tensor, bias?.Path, config?.Activation, config is not null, config?.Units);
    }

    /// <summary>Keras' snake case of a class name: <c>InputLayer</c> → <c>input_layer</c>, <c>ReLU</c> → <c>re_lu</c>.</summary>
    public static string SnakeCase(string className) =>
        LowerThenUpper().Replace(WordStart().Replace(className, "$1_$2"), "$1_$2").ToLowerInvariant();

    [GeneratedRegex("(.)([A-Z][a-z]+)")]
    private static partial Regex WordStart();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex LowerThenUpper();

    [GeneratedRegex("^(?<class>[a-z0-9_]+?)(_(?<counter>[0-9]{1,9}))?$")]
    private static partial Regex CounterName();
}
