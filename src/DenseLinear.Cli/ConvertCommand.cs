using System.CommandLine;
using DenseLinear.IO;
using DenseLinear.Porting;

namespace DenseLinear.Cli;

/// <summary>
/// <c>denselinear convert IN OUT [--activations a,b,…]</c>: Keras (<c>.keras</c>, <c>.weights.h5</c>, <c>.h5</c>) ↔
/// PyTorch (<c>.pt</c>, <c>.safetensors</c>), the output format from OUT's extension. Each kernel is transposed (bits
/// moved), the names mapped (<c>fc1.weight</c> ↔ <c>layers/dense/vars/0</c>), the activations carried where the target
/// stores them; the file written is read back and listed.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("IN") { Description = "The model to convert: .pt, .safetensors, .keras, .weights.h5 or Keras .h5." };
        var target = new Argument<string>("OUT") { Description = "The file to write; its extension picks the format: .keras, .weights.h5 (or .h5), .safetensors, .pt." };
        var activations = new Option<string?>("--activations") { Description = "The layers' activations, comma-separated (relu,relu,linear), for a source that does not record them (a .pt state_dict)." };
        var command = new Command("convert", "Convert a dense model between PyTorch and Keras files.") { input, target, activations };
        command.SetCheckedAction(error, result =>
        {
            string inPath = result.GetValue(input)!, outPath = result.GetValue(target)!;
            StoredModel model = WithActivations(StoredModel.ReadFile(inPath), result.GetValue(activations));
            ModelFileFormat format = Write(model, outPath);
            StoredModel written = StoredModel.ReadFile(outPath);
            output.Write(Describe(inPath, model, outPath, format, written));
            return DenseLinearCommand.Same;
        });
        return command;
    }

    /// <summary>Writes <paramref name="model"/> in the format <paramref name="path"/>'s extension names.</summary>
    /// <exception cref="ArgumentException">The extension is none of those.</exception>
    public static ModelFileFormat Write(StoredModel model, string path)
    {
        string name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".keras", StringComparison.Ordinal))
        {
            KerasModelFile.WriteArchiveFile(path, model);
            return ModelFileFormat.KerasArchive;
        }

        if (name.EndsWith(".h5", StringComparison.Ordinal))
        {
            KerasModelFile.WriteWeightsFile(path, model);
            return ModelFileFormat.KerasWeights;
        }

        if (name.EndsWith(".safetensors", StringComparison.Ordinal))
        {
            SafetensorsFile.WriteFile(path, model.ToStateDict());
            return ModelFileFormat.Safetensors;
        }

        if (name.EndsWith(".pt", StringComparison.Ordinal) || name.EndsWith(".pth", StringComparison.Ordinal))
        {
            PyTorchCheckpointFile.WriteFile(path, model.ToStateDict());
            return ModelFileFormat.PyTorchCheckpoint;
        }

        throw new ArgumentException($"'{path}': the output's extension must be .keras, .weights.h5, .h5, .safetensors, .pt or .pth; it picks the format.", nameof(path));
    }

    /// <summary>The model with the given activations (one per layer); a recorded activation that differs is refused.</summary>
    /// <exception cref="ArgumentException">The list has the wrong length, an unknown name, or contradicts the file.</exception>
    public static StoredModel WithActivations(StoredModel model, string? list)
    {
        if (list is null)
        {
            return model;
        }

        string[] names = list.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length != model.Layers.Count)
        {
            throw new ArgumentException($"--activations lists {names.Length} activations for {model.Layers.Count} layers.", nameof(list));
        }

        var layers = new List<StoredLayer>(names.Length);
        for (int i = 0; i < names.Length; i++)
        {
            StoredLayer layer = model.Layers[i];
            if (!ActivationNames.TryParse(names[i], out Activation activation))
            {
                throw new ArgumentException($"--activations: '{names[i]}' is not linear, relu, sigmoid, tanh, softmax or gelu.", nameof(list));
            }

            if (layer.Activation is Activation recorded && recorded != activation)
            {
                throw new ArgumentException($"--activations gives {names[i]} for layer {i} ({layer.Name}) but the file records {ActivationNames.Of(recorded)}.", nameof(list));
            }

            layers.Add(layer.WithActivation(activation));
        }

        return new StoredModel(model.Format, layers, model.OtherLayers, [.. model.Notes, $"activations given on the command line: {list}"]);
    }

    private static string Describe(string inPath, StoredModel model, string outPath, ModelFileFormat format, StoredModel written)
    {
        using var text = new StringWriter();
        text.WriteLine($"{inPath} ({ModelFileFormatNames.Of(model.Format)}) -> {outPath} ({ModelFileFormatNames.Of(format)})");
        for (int i = 0; i < model.Layers.Count; i++)
        {
            StoredLayer from = model.Layers[i], to = written.Layers[i];
            string how = from.Layout == to.Layout ? "as stored" : "transposed";
            text.WriteLine($"  {from.Name} -> {to.Name}: {from.WeightPath} {InspectCommand.Tensor(from.Weight)} -> {to.WeightPath} {InspectCommand.Tensor(to.Weight)} ({how}), activation {InspectCommand.Activation(to.Activation)}");
            if (from.Bias is not null)
            {
                text.WriteLine($"    {from.BiasPath} {InspectCommand.Tensor(from.Bias)} -> {to.BiasPath} {InspectCommand.Tensor(to.Bias!)}");
            }
        }

        foreach (string note in Notes(model, format))
        {
            text.WriteLine($"  note: {note}");
        }

        return text.ToString();
    }

    private static IEnumerable<string> Notes(StoredModel model, ModelFileFormat format)
    {
        string activations = string.Join(", ", model.Layers.Select(layer => InspectCommand.Activation(layer.Activation)));
        bool recorded = model.Layers.All(layer => layer.Activation is not null);
        if (format == ModelFileFormat.PyTorchCheckpoint && recorded)
        {
            yield return $"a .pt state_dict does not store activations: {activations}";
        }
        else if (format == ModelFileFormat.Safetensors && recorded)
        {
            yield return $"the activations ({activations}) are in the safetensors metadata denselinear.activations, which only DenseLinear reads";
        }
        else if (!recorded && format is ModelFileFormat.KerasArchive or ModelFileFormat.KerasWeights)
        {
            yield return $"the source does not record every activation ({activations}): written as linear; give --activations";
        }
        else if (format == ModelFileFormat.KerasWeights)
        {
            yield return $"a .weights.h5 file does not store activations: {activations}; a .keras archive does";
        }
    }
}
