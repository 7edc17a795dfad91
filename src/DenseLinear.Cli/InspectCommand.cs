using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DenseLinear.IO;
using DenseLinear.Porting;

namespace DenseLinear.Cli;

/// <summary><c>denselinear inspect FILE [--json]</c>: the format, the dense layers, the other layers and the reader's notes.</summary>
internal static class InspectCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "A .pt, .safetensors, .keras, .weights.h5 or Keras .h5 file (the format is read from its bytes)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("inspect", "Show a model file's format, dense layers (names, shapes, dtypes, activations), other layers and notes.") { file, json };
        command.SetCheckedAction(error, result =>
        {
            string path = result.GetValue(file)!;
            StoredModel model = StoredModel.ReadFile(path);
            output.Write(result.GetValue(json) ? Json(path, model) : Text(path, model));
            return DenseLinearCommand.Same;
        });
        return command;
    }

    public static string Text(string path, StoredModel model)
    {
        using var text = new StringWriter();
        text.WriteLine($"{path}: {ModelFileFormatNames.Of(model.Format)}, {model.Layers.Count} dense layer{(model.Layers.Count == 1 ? string.Empty : "s")}");
        for (int i = 0; i < model.Layers.Count; i++)
        {
            StoredLayer layer = model.Layers[i];
            string weight = layer.Layout == WeightLayout.OutIn ? "weight W [out, in]" : "kernel K [in, units]";
            string bias = layer.Bias is null ? "no bias" : $"bias {Tensor(layer.Bias)} ({layer.BiasPath})";
            string mismatch = layer.LayoutMismatch is null ? string.Empty : $"; layout mismatch: {layer.LayoutMismatch}";
            text.WriteLine($"  {i}  {layer.Name}: {layer.InFeatures} -> {layer.OutFeatures}, {weight} {Tensor(layer.Weight)} ({layer.WeightPath}), {bias}, activation {Activation(layer.Activation)}{mismatch}");
        }

        foreach (NonDenseLayer other in model.OtherLayers)
        {
            text.WriteLine($"  other layer {other.Name} ({other.ClassName}): {other.Treatment}");
        }

        foreach (string note in model.Notes)
        {
            text.WriteLine($"  note: {note}");
        }

        return text.ToString();
    }

    public static string Json(string path, StoredModel model)
    {
        var layers = new JsonArray();
        foreach (StoredLayer layer in model.Layers)
        {
            layers.Add(new JsonObject
            {
                ["name"] = layer.Name,
                ["layout"] = layer.Layout == WeightLayout.OutIn ? "W[out,in]" : "K[in,units]",
                ["inFeatures"] = layer.InFeatures,
                ["outFeatures"] = layer.OutFeatures,
                ["weight"] = TensorJson(layer.WeightPath, layer.Weight),
                ["bias"] = layer.Bias is null ? null : TensorJson(layer.BiasPath!, layer.Bias),
                ["activation"] = layer.Activation is Activation a ? ActivationNames.Of(a) : null,
                ["layoutMismatch"] = layer.LayoutMismatch,
            });
        }

        var others = new JsonArray();
        foreach (NonDenseLayer other in model.OtherLayers)
        {
            others.Add(new JsonObject { ["name"] = other.Name, ["className"] = other.ClassName, ["treatment"] = other.Treatment });
        }

        var document = new JsonObject
        {
            ["file"] = path,
            ["format"] = model.Format.ToString(),
            ["formatName"] = ModelFileFormatNames.Of(model.Format),
            ["layers"] = layers,
            ["otherLayers"] = others,
            ["notes"] = new JsonArray([.. model.Notes.Select(note => (JsonNode?)JsonValue.Create(note))]),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine;
    }

    public static string Tensor(StoredTensor tensor) => $"{TensorDTypeNames.Of(tensor.DType)} [{string.Join(", ", tensor.Shape.ToArray())}]";

    public static string Activation(Activation? activation) => activation is Activation a ? ActivationNames.Of(a) : "not recorded";

    private static JsonObject TensorJson(string path, StoredTensor tensor) => new()
    {
        ["path"] = path,
        ["dtype"] = TensorDTypeNames.Of(tensor.DType),
        ["shape"] = new JsonArray([.. tensor.Shape.ToArray().Select(d => (JsonNode?)JsonValue.Create(d))]),
    };
}
