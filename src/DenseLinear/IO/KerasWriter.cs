using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using PureHDF;

namespace DenseLinear.IO;

/// <summary>
/// Writes Keras 3's layouts: <c>.weights.h5</c> (a root <c>vars</c> group, <c>layers/input_layer/vars</c>, and per
/// Dense layer <c>layers/dense[_n]/vars/0</c> = kernel, <c>vars/1</c> = bias) and the <c>.keras</c> zip around it.
/// </summary>
internal static class KerasWriter
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Keras' per-class counter name of the i-th Dense layer.</summary>
    public static string GroupName(int index) => index == 0 ? "dense" : "dense_" + index.ToString(CultureInfo.InvariantCulture);

    public static void WriteWeights(Stream stream, StoredModel keras)
    {
        CheckNames(keras);
        var layers = new H5Group { ["input_layer"] = new H5Group { ["vars"] = new H5Group() } };
        for (int i = 0; i < keras.Layers.Count; i++)
        {
            StoredLayer layer = keras.Layers[i];
            var vars = new H5Group { ["0"] = Dataset(layer.Weight) };
            if (layer.Bias is not null)
            {
                vars["1"] = Dataset(layer.Bias);
            }

            layers[GroupName(i)] = new H5Group { ["vars"] = vars };
        }

        var file = new H5File { ["layers"] = layers, ["vars"] = new H5Group() };
        using var buffer = new MemoryStream();
        file.Write(buffer);
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    public static void WriteArchive(Stream stream, StoredModel keras)
    {
        using var weights = new MemoryStream();
        WriteWeights(weights, keras);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "metadata.json", JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["keras_version"] = "3.6.0", ["saved_by"] = "DenseLinear" }));
            Add(archive, "config.json", Config(keras));
            Add(archive, "model.weights.h5", weights.ToArray());
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    private static void Add(ZipArchive archive, string name, byte[] bytes)
    {
        ZipArchiveEntry entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
        entry.LastWriteTime = FixedTime;
        using Stream target = entry.Open();
        target.Write(bytes);
    }

    // Float16, float32 and float64 keep their type; bfloat16, which h5py has no type for, widens exactly to float32.
    private static H5Dataset Dataset(StoredTensor tensor)
    {
        ulong[] dimensions = [.. tensor.Shape.ToArray().Select(dimension => (ulong)dimension)];
        object values = tensor.ConvertTo(WrittenDType(tensor)).RawValues;
        return new H5Dataset(values, fileDims: dimensions);
    }

    private static TensorDType WrittenDType(StoredTensor tensor) => tensor.DType == TensorDType.BFloat16 ? TensorDType.Float32 : tensor.DType;

    private static void CheckNames(StoredModel keras)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "input_layer" };
        foreach (StoredLayer layer in keras.Layers)
        {
            if (!names.Add(layer.Name))
            {
                throw new ArgumentException($"Two layers would be named '{layer.Name}' in Keras; layer names must be unique.", nameof(keras));
            }
        }
    }

    private static byte[] Config(StoredModel keras)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("module", "keras");
            json.WriteString("class_name", "Sequential");
            json.WriteStartObject("config");
            json.WriteString("name", "sequential");
            json.WriteBoolean("trainable", true);
            json.WriteStartArray("layers");
            long inputs = keras.Layers.Count > 0 ? keras.Layers[0].InFeatures : 0;
            json.WriteStartObject();
            json.WriteString("module", "keras.layers");
            json.WriteString("class_name", "InputLayer");
            json.WriteStartObject("config");
            json.WriteStartArray("batch_shape");
            json.WriteNullValue();
            json.WriteNumberValue(inputs);
            json.WriteEndArray();
            json.WriteString("dtype", "float32");
            json.WriteBoolean("sparse", false);
            json.WriteString("name", "input_layer");
            json.WriteEndObject();
            json.WriteNull("registered_name");
            json.WriteEndObject();
            foreach (StoredLayer layer in keras.Layers)
            {
                json.WriteStartObject();
                json.WriteString("module", "keras.layers");
                json.WriteString("class_name", "Dense");
                json.WriteStartObject("config");
                json.WriteString("name", layer.Name);
                json.WriteBoolean("trainable", true);
                json.WriteString("dtype", TensorDTypeNames.Of(WrittenDType(layer.Weight)));
                json.WriteNumber("units", layer.OutFeatures);
                json.WriteString("activation", ActivationNames.Of(layer.Activation ?? Activation.Linear));
                json.WriteBoolean("use_bias", layer.Bias is not null);
                json.WriteEndObject();
                json.WriteNull("registered_name");
                json.WriteStartObject("build_config");
                json.WriteStartArray("input_shape");
                json.WriteNullValue();
                json.WriteNumberValue(layer.InFeatures);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteNull("registered_name");
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
