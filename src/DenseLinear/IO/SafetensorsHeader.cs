using System.Text.Json;

namespace DenseLinear.IO;

/// <summary>Validates a parsed safetensors JSON header; every rule breaks with an <see cref="InvalidDataException"/>.</summary>
internal static class SafetensorsHeader
{
    public static (List<SafetensorsEntry> Entries, Dictionary<string, string> Metadata) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"the header must be a JSON object, got {root.ValueKind}");
        }

        var entries = new List<SafetensorsEntry>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw Fail($"'{property.Name}' appears twice");
            }

            if (property.Name == SafetensorsFile.MetadataKey)
            {
                ParseMetadata(property.Value, metadata);
            }
            else
            {
                entries.Add(ParseEntry(property.Name, property.Value));
            }
        }

        return (entries, metadata);
    }

    /// <summary>Sorted by offset, the byte ranges must cover [0, dataLength) exactly, with no hole and no overlap.</summary>
    public static void CheckTiling(List<SafetensorsEntry> entries, long dataLength)
    {
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expected = 0;
        foreach (SafetensorsEntry entry in entries)
        {
            if (entry.End > dataLength)
            {
                throw Fail($"'{entry.Name}' data_offsets [{entry.Begin}, {entry.End}] run past the data buffer ({dataLength} bytes)");
            }

            if (entry.Begin < expected)
            {
                throw Fail($"'{entry.Name}' data_offsets [{entry.Begin}, {entry.End}] overlap the previous tensor, which ends at {expected}");
            }

            if (entry.Begin > expected)
            {
                throw Fail($"bytes [{expected}, {entry.Begin}) before '{entry.Name}' belong to no tensor");
            }

            expected = entry.End;
        }

        if (expected != dataLength)
        {
            throw Fail($"the data buffer has {dataLength} bytes but the tensors cover {expected}");
        }
    }

    private static void ParseMetadata(JsonElement value, Dictionary<string, string> metadata)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"{SafetensorsFile.MetadataKey} must be an object of strings, got {value.ValueKind}");
        }

        foreach (JsonProperty item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw Fail($"{SafetensorsFile.MetadataKey}['{item.Name}'] must be a string, got {item.Value.ValueKind}");
            }

            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
            {
                throw Fail($"{SafetensorsFile.MetadataKey}['{item.Name}'] appears twice");
            }
        }
    }

    private static SafetensorsEntry ParseEntry(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"'{name}' must be an object with dtype, shape and data_offsets, got {value.ValueKind}");
        }

        string? dtypeName = null;
        long[]? shape = null;
        long[]? offsets = null;
        foreach (JsonProperty field in value.EnumerateObject())
        {
            switch (field.Name)
            {
                case "dtype" when dtypeName is null:
                    dtypeName = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : throw Fail($"'{name}'.dtype must be a string");
                    break;
                case "shape" when shape is null:
                    shape = NonNegativeIntegers(name, "shape", field.Value);
                    break;
                case "data_offsets" when offsets is null:
                    offsets = NonNegativeIntegers(name, "data_offsets", field.Value);
                    break;
                default:
                    throw Fail($"'{name}' has an unexpected or repeated key '{field.Name}'");
            }
        }

        if (dtypeName is null || shape is null || offsets is null)
        {
            throw Fail($"'{name}' must have dtype, shape and data_offsets");
        }

        TensorDType dtype = dtypeName switch
        {
            "F32" => TensorDType.Float32,
            "F64" => TensorDType.Float64,
            "BF16" => TensorDType.BFloat16,
            "F16" => TensorDType.Float16,
            _ => throw Fail($"'{name}' has unsupported dtype '{dtypeName}' (supported: F32, F64, BF16, F16)"),
        };

        if (offsets.Length != 2 || offsets[0] > offsets[1])
        {
            throw Fail($"'{name}'.data_offsets must be [begin, end] with begin <= end");
        }

        long byteCount = ShapeMath.ByteCount(shape, ElementCodec.ItemSize(dtype))
            ?? throw Fail($"'{name}' shape {StoredTensor.Format(shape)} overflows: more bytes than a 64-bit size holds");
        if (byteCount != offsets[1] - offsets[0])
        {
            throw Fail($"'{name}' shape {StoredTensor.Format(shape)} of {dtypeName} needs {byteCount} bytes but data_offsets [{offsets[0]}, {offsets[1]}] span {offsets[1] - offsets[0]}");
        }

        return new SafetensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    /// <summary>The header's name for <paramref name="dtype"/>, as the reference implementation spells it.</summary>
    public static string DTypeName(TensorDType dtype) => dtype switch
    {
        TensorDType.Float32 => "F32",
        TensorDType.Float64 => "F64",
        TensorDType.BFloat16 => "BF16",
        _ => "F16",
    };

    private static long[] NonNegativeIntegers(string name, string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Fail($"'{name}'.{key} must be an array of integers");
        }

        var result = new long[value.GetArrayLength()];
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long number))
            {
                throw Fail($"'{name}'.{key}[{index}] is not an integer that fits 64 bits: {item.GetRawText()}");
            }

            if (number < 0)
            {
                throw Fail($"'{name}'.{key}[{index}] is negative: {number}");
            }

            result[index++] = number;
        }

        return result;
    }

    private static InvalidDataException Fail(string what) => new($"safetensors: {what}.");
}
