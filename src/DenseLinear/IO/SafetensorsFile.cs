using System.Buffers.Binary;
using System.Text.Json;

namespace DenseLinear.IO;

/// <summary>
/// Reads and writes <c>.safetensors</c> files (Hugging Face's format for sharing PyTorch <c>state_dict</c>s).
/// </summary>
/// <remarks>
/// <para>Layout: an 8-byte little-endian header length N, N bytes of UTF-8 JSON, then the data buffer. The JSON is an
/// object mapping each tensor name to <c>{"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}</c>
/// (offsets relative to the data buffer, little-endian row-major elements), plus an optional
/// <c>"__metadata__"</c> object of string values.</para>
/// <para>Dtypes, read and written: <c>F32</c>, <c>F64</c>, <c>BF16</c> and <c>F16</c>, each kept as stored
/// (<see cref="TensorDType"/>), so a file read and written back has the same dtypes and bits.</para>
/// <para>Validation, the file being untrusted: the header must be a JSON object with exactly those three keys per
/// tensor and no repeated names; dims non-negative integers whose product fits 64 bits; each tensor's byte range
/// exactly its shape's size; the ranges, sorted, must tile the data buffer with no hole and no overlap. Any failure
/// raises <see cref="InvalidDataException"/> naming it. Nothing is allocated beyond what the buffer's length covers.</para>
/// </remarks>
public static class SafetensorsFile
{
    /// <summary>The reserved header key for the string→string metadata map.</summary>
    public const string MetadataKey = "__metadata__";

    private const int LengthFieldSize = sizeof(ulong);

    // The writer pads the header with spaces so the data buffer starts 8-byte aligned, as the reference writer does.
    private const int HeaderAlignment = 8;

    /// <summary>Parses a whole <c>.safetensors</c> file.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid, supported file.</exception>
    public static SafetensorsContent Read(ReadOnlyMemory<byte> file)
    {
        ReadOnlySpan<byte> span = file.Span;
        if (span.Length < LengthFieldSize)
        {
            throw new InvalidDataException($"safetensors: the file is {span.Length} bytes, shorter than the 8-byte header length.");
        }

        // A header is JSON, so byte 8 is '{'; anything else that carries another format's signature is named.
        FileContainer container = FileSignature.Detect(span);
        if (container is not (FileContainer.Safetensors or FileContainer.Unknown) && (span.Length <= LengthFieldSize || span[LengthFieldSize] != (byte)'{'))
        {
            throw new InvalidDataException($"safetensors: the file is {FileSignature.Describe(container)}, not safetensors.");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(span);
        if (headerLength > (ulong)(span.Length - LengthFieldSize))
        {
            throw new InvalidDataException($"safetensors: header length {headerLength} runs past the end of the file ({span.Length - LengthFieldSize} bytes follow the length field).");
        }

        int dataStart = LengthFieldSize + (int)headerLength;
        ReadOnlyMemory<byte> header = file[LengthFieldSize..dataStart];

        // JsonDocument validates UTF-8 only when a string is read; checking up front keeps its exceptions out.
        if (!System.Text.Unicode.Utf8.IsValid(header.Span))
        {
            throw new InvalidDataException("safetensors: the header is not valid UTF-8.");
        }

        List<SafetensorsEntry> entries;
        Dictionary<string, string> metadata;
        try
        {
            using JsonDocument document = JsonDocument.Parse(header, new JsonDocumentOptions { AllowDuplicateProperties = false });
            (entries, metadata) = SafetensorsHeader.Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"safetensors: the header is not valid JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // Valid UTF-8 can still escape an unpaired surrogate ("\ud800"): JSON's grammar allows it, and
            // JsonDocument throws this when it decodes such a name (already in Parse, to find duplicates) or value.
            throw new InvalidDataException($"safetensors: a header string is not valid Unicode: {e.Message}", e);
        }

        ReadOnlySpan<byte> data = span[dataStart..];
        SafetensorsHeader.CheckTiling(entries, data.Length);
        var tensors = new List<KeyValuePair<string, StoredTensor>>(entries.Count);
        foreach (SafetensorsEntry entry in entries)
        {
            Array values = ElementCodec.Decode(data[(int)entry.Begin..(int)entry.End], entry.DType, bigEndian: false);
            tensors.Add(new(entry.Name, StoredTensor.Wrap(entry.DType, entry.Shape, values)));
        }

        return new SafetensorsContent(tensors, metadata);
    }

    /// <summary>Reads a <c>.safetensors</c> file from the rest of <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid, supported file.</exception>
    public static SafetensorsContent Read(Stream stream) => Read(InputBytes.ReadToEnd(stream));

    /// <summary>Reads the <c>.safetensors</c> file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid, supported file.</exception>
    public static SafetensorsContent ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Encodes <paramref name="content"/>: tensors laid out contiguously in <see cref="SafetensorsContent.Names"/> order.</summary>
    public static byte[] ToBytes(SafetensorsContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var json = new MemoryStream();
        long offset = 0;
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            if (content.Metadata.Count > 0)
            {
                writer.WriteStartObject(MetadataKey);
                foreach ((string key, string value) in content.Metadata)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            foreach (string name in content.Names)
            {
                StoredTensor tensor = content[name];
                long size = (long)tensor.ElementCount * ElementCodec.ItemSize(tensor.DType);
                writer.WriteStartObject(name);
                writer.WriteString("dtype", SafetensorsHeader.DTypeName(tensor.DType));
                writer.WriteStartArray("shape");
                foreach (long dimension in tensor.Shape)
                {
                    writer.WriteNumberValue(dimension);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(offset + size);
                writer.WriteEndArray();
                writer.WriteEndObject();
                offset += size;
            }

            writer.WriteEndObject();
        }

        int headerLength = (int)json.Length;
        int padded = headerLength + ((HeaderAlignment - (headerLength % HeaderAlignment)) % HeaderAlignment);
        var file = new byte[checked(LengthFieldSize + padded + offset)];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)padded);
        json.GetBuffer().AsSpan(0, headerLength).CopyTo(file.AsSpan(LengthFieldSize));
        file.AsSpan(LengthFieldSize + headerLength, padded - headerLength).Fill((byte)' ');
        int position = LengthFieldSize + padded;
        foreach (string name in content.Names)
        {
            StoredTensor tensor = content[name];
            int size = tensor.ElementCount * ElementCodec.ItemSize(tensor.DType);
            ElementCodec.Encode(tensor.RawValues, file.AsSpan(position, size), bigEndian: false);
            position += size;
        }

        return file;
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, SafetensorsContent content)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes(content));
    }

    /// <summary>Writes <paramref name="content"/> as the file <paramref name="path"/>.</summary>
    public static void WriteFile(string path, SafetensorsContent content) => File.WriteAllBytes(path, ToBytes(content));
}
