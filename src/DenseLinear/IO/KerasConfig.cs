using System.Text.Json;

namespace DenseLinear.IO;

/// <summary>
/// Reads the layer list of a Keras <c>Sequential</c> model config: Keras 3's <c>config.json</c>
/// (<c>{"class_name": "Sequential", "config": {"layers": [...]}}</c>) and Keras 2's <c>model_config</c> attribute (the
/// same, or <c>"config"</c> being the list itself in Keras ≤ 2.1); and of a <c>Functional</c> (Keras 2: <c>Model</c>)
/// config whose layers form a single chain, each taking the output of the one listed before it. Each layer's
/// <c>activation</c> may be a name or a serialized object whose <c>config</c> is the name.
/// </summary>
internal static class KerasConfig
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <exception cref="InvalidDataException">The JSON is malformed, not a Sequential model, or a layer lacks what its class needs.</exception>
    public static List<KerasLayerConfig> SequentialLayers(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"keras: {source} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            string? className = root.ValueKind == JsonValueKind.Object ? StringOf(root, "class_name") : null;
            bool functional = className is "Functional" or "Model";
            if (className != "Sequential" && !functional)
            {
                throw new InvalidDataException($"keras: {source} describes a {className ?? "non-model"} model; DenseLinear reads Sequential models and Functional ones that are a single chain of layers.");
            }

            JsonElement layers = root.TryGetProperty("config", out JsonElement config) && config.ValueKind == JsonValueKind.Object && config.TryGetProperty("layers", out JsonElement list)
                ? list
                : config;
            if (layers.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"keras: {source} has no list of layers.");
            }

            var result = new List<KerasLayerConfig>();
            foreach (JsonElement layer in layers.EnumerateArray())
            {
                KerasLayerConfig parsed = LayerOf(layer, result.Count, source);
                if (functional)
                {
                    CheckChained(layer, parsed, result.Count == 0 ? null : result[^1], source);
                }

                result.Add(parsed);
            }

            return result;
        }
    }

    private static KerasLayerConfig LayerOf(JsonElement layer, int index, string source)
    {
        string where = $"{source}, layer {index}";
        if (layer.ValueKind != JsonValueKind.Object || StringOf(layer, "class_name") is not string className
            || !layer.TryGetProperty("config", out JsonElement config) || config.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"keras: {where} has no class_name and config.");
        }

        string name = StringOf(config, "name") ?? throw new InvalidDataException($"keras: {where} ({className}) has no name.");
        long? units = config.TryGetProperty("units", out JsonElement u) && u.ValueKind == JsonValueKind.Number && u.TryGetInt64(out long value) && value >= 0 ? value : null;
        bool? useBias = config.TryGetProperty("use_bias", out JsonElement b) && b.ValueKind is JsonValueKind.True or JsonValueKind.False ? b.GetBoolean() : null;
        string? activation = config.TryGetProperty("activation", out JsonElement a) ? ActivationName(a, where) : null;
        if (className == "Dense" && (units is null || useBias is null))
        {
            throw new InvalidDataException($"keras: {where}, Dense '{name}', lacks units or use_bias.");
        }

        return new KerasLayerConfig(name, className, units, activation, useBias);
    }

    // A Functional model is read only when it is a chain: its first layer takes no input, and every other layer takes
    // exactly one tensor, from the layer listed before it (Keras 3's keras_history, or Keras 2's [name, node, tensor]).
    private static void CheckChained(JsonElement layer, KerasLayerConfig parsed, KerasLayerConfig? previous, string source)
    {
        List<string> inputs = [];
        int nodes = layer.TryGetProperty("inbound_nodes", out JsonElement inbound) && inbound.ValueKind == JsonValueKind.Array ? inbound.GetArrayLength() : 0;
        if (nodes > 0)
        {
            CollectInputs(inbound, inputs);
        }

        bool chained = previous is null ? nodes == 0 : nodes == 1 && inputs.Count == 1 && inputs[0] == previous.Name;
        if (!chained)
        {
            throw new InvalidDataException($"keras: {source} is a Functional model that is not a single chain: layer '{parsed.Name}' takes [{string.Join(", ", inputs)}]{(nodes > 1 ? $" in {nodes} calls" : string.Empty)}{(previous is null ? string.Empty : $", not the output of '{previous.Name}' alone")}.");
        }
    }

    private static void CollectInputs(JsonElement element, List<string> inputs)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when element.TryGetProperty("keras_history", out JsonElement history) && history.ValueKind == JsonValueKind.Array
                && history.GetArrayLength() > 0 && history[0].ValueKind == JsonValueKind.String:
                inputs.Add(history[0].GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    CollectInputs(property.Value, inputs);
                }

                break;
            case JsonValueKind.Array when element.GetArrayLength() >= 2 && element[0].ValueKind == JsonValueKind.String && element[1].ValueKind == JsonValueKind.Number:
                inputs.Add(element[0].GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    CollectInputs(item, inputs);
                }

                break;
        }
    }

    private static string? ActivationName(JsonElement activation, string where) => activation.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => activation.GetString(),
        JsonValueKind.Object when activation.TryGetProperty("config", out JsonElement inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
        _ => throw new InvalidDataException($"keras: {where} has an activation DenseLinear cannot read: {activation.GetRawText()}"),
    };

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
