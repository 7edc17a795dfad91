using System.Text.Json;

namespace DenseLinear.IO;

/// <summary>
/// Reads the layer list of a Keras <c>Sequential</c> model config: Keras 3's <c>config.json</c>
/// (<c>{"class_name": "Sequential", "config": {"layers": [...]}}</c>) and Keras 2's <c>model_config</c> attribute (the
/// same, or <c>"config"</c> being the list itself in Keras ≤ 2.1). Each layer's <c>activation</c> may be a name or a
/// serialized object whose <c>config</c> is the name.
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
            if (className != "Sequential")
            {
                throw new InvalidDataException($"keras: {source} describes a {className ?? "non-model"} model; DenseLinear reads Sequential models (a chain of layers).");
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
                result.Add(LayerOf(layer, result.Count, source));
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
