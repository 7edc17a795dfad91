using System.Text;

namespace DenseLinear.IO;

/// <summary>
/// Reads the <c>state_dict</c> of a PyTorch <c>.pt</c>/<c>.pth</c> checkpoint written by <c>torch.save</c> (the zip
/// format, torch ≥ 1.6), safely: the pickle is run by a restricted machine that accepts only what
/// <c>torch.load(weights_only=True)</c> allows. Writes a <c>state_dict</c> in the same format.
/// </summary>
/// <remarks>
/// <para>Layout: a zip archive of uncompressed records under one top folder (the file's stem in torch 1.13,
/// <c>archive</c> in later versions): <c>data.pkl</c>, the pickled dict; <c>data/&lt;key&gt;</c>, one raw storage
/// per key; <c>version</c>; in later versions <c>byteorder</c> (<c>little</c> or <c>big</c>, little when absent) and
/// <c>.data/…</c> records. Each tensor is pickled as <c>torch._utils._rebuild_tensor_v2(storage, storage_offset,
/// size, stride, requires_grad, backward_hooks)</c>, the storage as a persistent id
/// <c>('storage', torch.FloatStorage, key, location, numel)</c>; views of one storage share its record.</para>
/// <para>Accepted globals: <c>collections.OrderedDict</c>, <c>torch._utils._rebuild_tensor_v2</c>,
/// <c>torch._utils._rebuild_parameter</c> and the <c>torch.*Storage</c> classes. Any other global raises
/// <see cref="InvalidDataException"/> naming it; nothing is constructed from a name.</para>
/// <para>Element types: float32, float64, bfloat16 and float16 (<c>torch.BFloat16Storage</c>, <c>torch.HalfStorage</c>),
/// each kept as stored (<see cref="TensorDType"/>); any other storage type is refused by name. The result is a <see cref="SafetensorsContent"/> (named tensors in the
/// dict's order, no metadata), so <c>DenseLinear.Layers.LayerWeightFiles</c> reads either format.</para>
/// <para>Validation, the file being untrusted: every zip offset and size is checked against the file; each storage
/// record must be exactly numel × item size bytes; sizes and strides must be non-negative and every element a view
/// reaches must lie inside its storage; the top-level value must be a dict of string keys to tensors. The tensors'
/// values together may hold no more bytes than the file, a tensor reached under several names (a memo reference) being
/// decoded once; so a stride-0 broadcast over a small storage is refused. Any failure raises
/// <see cref="InvalidDataException"/> starting with <c>pt:</c>.</para>
/// <para>Writing (<see cref="ToBytes"/>, <see cref="Write"/>, <see cref="WriteFile"/>) lays a checkpoint out as
/// <c>torch.save(state_dict)</c> does: records <c>archive/data.pkl</c>, <c>archive/byteorder</c> (<c>little</c>),
/// <c>archive/data/0</c>, <c>archive/data/1</c>… and <c>archive/version</c> (<c>3</c>), stored uncompressed, each
/// record's data 64-byte aligned; the pickle (protocol 2) is a <c>collections.OrderedDict</c> of the tensors in
/// <see cref="SafetensorsContent.Names"/> order, each a contiguous tensor over all of its storage, so
/// <c>torch.load(path, weights_only=True)</c> returns them with their dtypes, shapes and bits.</para>
/// </remarks>
public static class PyTorchCheckpointFile
{
    /// <summary>Parses a whole <c>.pt</c> file.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid, supported checkpoint.</exception>
    public static SafetensorsContent Read(ReadOnlyMemory<byte> file)
    {
        ReadOnlySpan<byte> span = file.Span;
        List<KeyValuePair<string, Range>> list = StoredZipArchive.ReadRecords(span);
        if (list.Count == 0)
        {
            throw new InvalidDataException("pt: the zip archive is empty.");
        }

        int slash = list[0].Key.IndexOf('/', StringComparison.Ordinal);
        string folder = slash > 0 ? list[0].Key[..(slash + 1)] : throw new InvalidDataException($"pt: zip record '{list[0].Key}' is not inside a top folder.");
        var records = new Dictionary<string, Range>(StringComparer.Ordinal);
        foreach ((string name, Range range) in list)
        {
            if (!name.StartsWith(folder, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"pt: zip record '{name}' is outside the top folder '{folder}'.");
            }

            records.Add(name[folder.Length..], range);
        }

        bool bigEndian = ByteOrder(span, records);
        if (!records.TryGetValue("data.pkl", out Range pickle))
        {
            throw new InvalidDataException($"pt: the archive has no '{folder}data.pkl'.");
        }

        if (TorchPickleMachine.Run(span[pickle]) is not PickleDictionary dictionary)
        {
            throw new InvalidDataException("pt: data.pkl does not hold a dict; only state_dicts of tensors are read.");
        }

        var decoded = new Dictionary<TorchTensorReference, StoredTensor>(ReferenceEqualityComparer.Instance);
        var tensors = new List<KeyValuePair<string, StoredTensor>>(dictionary.Items.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        long budget = span.Length;
        foreach ((object? key, object? value) in dictionary.Items)
        {
            if (key is not string name || value is not TorchTensorReference tensor)
            {
                throw new InvalidDataException($"pt: the state_dict entry '{key}' is a {value?.GetType().Name ?? "None"}, not a string naming a tensor.");
            }

            if (name == SafetensorsFile.MetadataKey || !names.Add(name))
            {
                throw new InvalidDataException($"pt: the state_dict name '{name}' is reserved or repeated.");
            }

            if (!decoded.TryGetValue(tensor, out StoredTensor? stored))
            {
                stored = Decode(span, records, name, tensor, bigEndian, ref budget);
                decoded.Add(tensor, stored);
            }

            tensors.Add(new(name, stored));
        }

        return new SafetensorsContent(tensors);
    }

    /// <summary>Reads a <c>.pt</c> file from the rest of <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid, supported checkpoint.</exception>
    public static SafetensorsContent Read(Stream stream) => Read(InputBytes.ReadToEnd(stream));

    /// <summary>Reads the <c>.pt</c>/<c>.pth</c> file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid, supported checkpoint.</exception>
    public static SafetensorsContent ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Encodes <paramref name="stateDict"/> as a <c>.pt</c> checkpoint (see the remarks for the layout).</summary>
    /// <remarks>
    /// The content's <see cref="SafetensorsContent.Metadata"/> is not written: a <c>state_dict</c> has no place for it.
    /// A <see cref="StoredTensor"/> that appears under several names is stored once, and torch loads those names as
    /// views of one storage, as it saved tied weights.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stateDict"/> is null.</exception>
    /// <exception cref="ArgumentException">A name is not valid UTF-16 (a lone surrogate).</exception>
    /// <exception cref="NotSupportedException">The checkpoint would need zip64: a storage of 2 GiB or more, an archive
    /// of 4 GiB or more, or more than 65534 records.</exception>
    public static byte[] ToBytes(SafetensorsContent stateDict)
    {
        using var buffer = new MemoryStream();
        Write(buffer, stateDict);
        return buffer.ToArray();
    }

    /// <summary>Writes <paramref name="stateDict"/> to <paramref name="stream"/> as a <c>.pt</c> checkpoint (see <see cref="ToBytes"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="stateDict"/> is null.</exception>
    /// <exception cref="ArgumentException">A name is not valid UTF-16 (a lone surrogate).</exception>
    /// <exception cref="NotSupportedException">The checkpoint would need zip64 (see <see cref="ToBytes"/>).</exception>
    public static void Write(Stream stream, SafetensorsContent stateDict)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(stateDict);

        // Names and storage sizes are checked while the pickle is built, before a byte reaches the stream; only an
        // archive growing past 4 GiB is refused part way.
        var pickle = new TorchPickleWriter();
        var keys = new Dictionary<StoredTensor, string>(ReferenceEqualityComparer.Instance);
        var storages = new List<StoredTensor>();
        foreach (string name in stateDict.Names)
        {
            StoredTensor tensor = stateDict[name];
            if (!keys.TryGetValue(tensor, out string? key))
            {
                long size = (long)tensor.ElementCount * ElementCodec.ItemSize(tensor.DType);
                if (size > Array.MaxLength)
                {
                    throw new NotSupportedException($"pt: tensor '{name}' holds {size} bytes; storages of 2 GiB or more need zip64, which is not written.");
                }

                key = storages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                keys.Add(tensor, key);
                storages.Add(tensor);
            }

            pickle.AddTensor(name, StorageType(tensor.DType), key, tensor.ElementCount, tensor.Shape);
        }

        var zip = new StoredZipWriter(stream);
        zip.Add("archive/data.pkl", pickle.Finish());
        zip.Add("archive/byteorder", "little"u8);
        for (int i = 0; i < storages.Count; i++)
        {
            StoredTensor tensor = storages[i];
            var data = new byte[tensor.ElementCount * ElementCodec.ItemSize(tensor.DType)];
            ElementCodec.Encode(tensor.RawValues, data, bigEndian: false);
            zip.Add($"archive/data/{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}", data);
        }

        zip.Add("archive/version", "3\n"u8);
        zip.Finish();
    }

    /// <summary>Writes <paramref name="stateDict"/> as the <c>.pt</c> file <paramref name="path"/> (see <see cref="ToBytes"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="stateDict"/> is null.</exception>
    /// <exception cref="ArgumentException">A name is not valid UTF-16 (a lone surrogate).</exception>
    /// <exception cref="NotSupportedException">The checkpoint would need zip64 (see <see cref="ToBytes"/>).</exception>
    /// <remarks>A refused checkpoint leaves no file at <paramref name="path"/>.</remarks>
    public static void WriteFile(string path, SafetensorsContent stateDict)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stateDict);
        using FileStream file = File.Create(path);
        try
        {
            Write(file, stateDict);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            // A refused checkpoint leaves no empty or truncated file that a later load would trip over.
            file.Dispose();
            File.Delete(path);
            throw;
        }
    }

    private static string StorageType(TensorDType dtype) => dtype switch
    {
        TensorDType.Float32 => "FloatStorage",
        TensorDType.Float64 => "DoubleStorage",
        TensorDType.BFloat16 => "BFloat16Storage",
        _ => "HalfStorage",
    };

    private static bool ByteOrder(ReadOnlySpan<byte> file, Dictionary<string, Range> records)
    {
        if (!records.TryGetValue("byteorder", out Range range))
        {
            return false;
        }

        ReadOnlySpan<byte> order = file[range];
        return order.SequenceEqual("little"u8) ? false
            : order.SequenceEqual("big"u8) ? true
            : throw new InvalidDataException($"pt: the byteorder record is '{Encoding.ASCII.GetString(order[..Math.Min(order.Length, 16)])}', not 'little' or 'big'.");
    }

    private static StoredTensor Decode(ReadOnlySpan<byte> file, Dictionary<string, Range> records, string name, TorchTensorReference tensor, bool bigEndian, ref long budget)
    {
        TorchStorageReference storage = tensor.Storage;
        TensorDType dtype = storage.StorageType switch
        {
            "torch.FloatStorage" => TensorDType.Float32,
            "torch.DoubleStorage" => TensorDType.Float64,
            "torch.BFloat16Storage" => TensorDType.BFloat16,
            "torch.HalfStorage" => TensorDType.Float16,
            _ => throw new InvalidDataException($"pt: tensor '{name}' is stored as {storage.StorageType}; only float32, float64, float16 and bfloat16 tensors are read."),
        };

        if (!records.TryGetValue($"data/{storage.Key}", out Range range))
        {
            throw new InvalidDataException($"pt: tensor '{name}' names storage '{storage.Key}', which has no data/{storage.Key} record.");
        }

        int itemSize = ElementCodec.ItemSize(dtype);
        ReadOnlySpan<byte> bytes = file[range];
        if (storage.ElementCount > bytes.Length / itemSize || storage.ElementCount * itemSize != bytes.Length)
        {
            throw new InvalidDataException($"pt: tensor '{name}''s storage data/{storage.Key} is {bytes.Length} bytes, not {storage.ElementCount} elements of {itemSize} bytes.");
        }

        long count = TorchTensorGather.CheckView(name, tensor, storage.ElementCount);
        if (count > budget / itemSize)
        {
            throw new InvalidDataException($"pt: tensor '{name}' has {count} elements of {itemSize} bytes, more than the file's {file.Length} bytes hold together with the tensors before it (a broadcast view; save it contiguous).");
        }

        budget -= count * itemSize;
        byte[] gathered = TorchTensorGather.Gather(bytes, itemSize, tensor, (int)count);
        return StoredTensor.Wrap(dtype, tensor.Size, ElementCodec.Decode(gathered, dtype, bigEndian));
    }
}
