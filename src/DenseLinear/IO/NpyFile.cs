using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace DenseLinear.IO;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files holding float16, float32 or float64 arrays of any rank.
/// </summary>
/// <remarks>
/// <para>Layout (NEP 1, <c>numpy.lib.format</c>): the magic <c>\x93NUMPY</c>, major and minor version bytes, the
/// header length (little-endian u16 for 1.0, u32 for 2.0 and 3.0), the header — a Python-literal dict
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c>, latin-1 (UTF-8 for 3.0), padded with spaces
/// and a final <c>\n</c> so the data starts at a multiple of 64 — then the raw elements.</para>
/// <para>Supported descrs: <c>&lt;f2</c>, <c>&gt;f2</c> (<see cref="TensorDType.Float16"/>, kept as stored), <c>&lt;f4</c>,
/// <c>&gt;f4</c>, <c>&lt;f8</c>, <c>&gt;f8</c>; big-endian data and Fortran order are converted to native row-major on
/// reading. The data must be exactly as long as the shape says. NumPy has no bfloat16, so a
/// <see cref="TensorDType.BFloat16"/> tensor is refused by the writer.</para>
/// <para>Untrusted input: every malformed file raises <see cref="InvalidDataException"/> with a message naming the
/// problem; nothing is read past the buffer and nothing is allocated that the buffer's length does not cover.</para>
/// </remarks>
public static class NpyFile
{
    private const int MagicLength = 8;
    private const int Alignment = 64;

    // np.save leaves room for the first (or, Fortran, last) dimension to grow to 21 digits.
    private const int GrowthAxisMaxDigits = 21;

    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Parses a whole <c>.npy</c> file.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid, supported <c>.npy</c> file.</exception>
    public static StoredTensor Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < MagicLength || !file[..Magic.Length].SequenceEqual(Magic))
        {
            FileContainer container = FileSignature.Detect(file);
            throw new InvalidDataException(container == FileContainer.Unknown
                ? $"npy: the file ({file.Length} bytes) does not start with the magic \\x93NUMPY and a version."
                : $"npy: the file is {FileSignature.Describe(container)}, not .npy (no \\x93NUMPY magic).");
        }

        byte major = file[6];
        byte minor = file[7];
        int lengthSize = (major, minor) switch
        {
            (1, 0) => sizeof(ushort),
            (2, 0) or (3, 0) => sizeof(uint),
            _ => throw new InvalidDataException($"npy: unsupported format version {major}.{minor} (supported: 1.0, 2.0, 3.0)."),
        };

        int headerStart = MagicLength + lengthSize;
        if (file.Length < headerStart)
        {
            throw new InvalidDataException($"npy: the file ({file.Length} bytes) ends inside the header length field.");
        }

        long headerLength = lengthSize == sizeof(ushort)
            ? BinaryPrimitives.ReadUInt16LittleEndian(file[MagicLength..])
            : BinaryPrimitives.ReadUInt32LittleEndian(file[MagicLength..]);
        if (headerLength > file.Length - headerStart)
        {
            throw new InvalidDataException($"npy: header length {headerLength} runs past the end of the file ({file.Length - headerStart} bytes follow the length field).");
        }

        int dataStart = headerStart + (int)headerLength;
        NpyHeader header = NpyHeaderParser.Parse(DecodeHeader(file[headerStart..dataStart], major));
        int itemSize = ElementCodec.ItemSize(header.DType);
        long dataLength = file.Length - dataStart;
        long? byteCount = ShapeMath.ByteCount(header.Shape, itemSize)
            ?? throw new InvalidDataException($"npy: shape {StoredTensor.Format(header.Shape)} overflows: more bytes than a 64-bit size holds.");
        if (byteCount != dataLength)
        {
            throw new InvalidDataException($"npy: shape {StoredTensor.Format(header.Shape)} of {itemSize}-byte items needs {byteCount} data bytes, the file has {dataLength}.");
        }

        Array values = ElementCodec.Decode(file[dataStart..], header.DType, header.BigEndian);
        if (header.FortranOrder)
        {
            values = ShapeMath.FortranToC(values, header.Shape);
        }

        return StoredTensor.Wrap(header.DType, header.Shape, values);
    }

    /// <summary>Reads a <c>.npy</c> file from the rest of <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid, supported <c>.npy</c> file.</exception>
    public static StoredTensor Read(Stream stream) => Read(InputBytes.ReadToEnd(stream));

    /// <summary>Reads the <c>.npy</c> file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid, supported <c>.npy</c> file.</exception>
    public static StoredTensor ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Encodes <paramref name="tensor"/> as a <c>.npy</c> file, byte for byte as <c>np.save</c> would by default.</summary>
    /// <exception cref="ArgumentException">The tensor is <see cref="TensorDType.BFloat16"/>, which NumPy has no dtype for;
    /// or version 1.0 was asked for and the header needs more than 65 535 bytes.</exception>
    public static byte[] ToBytes(StoredTensor tensor, NpyWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.DType == TensorDType.BFloat16)
        {
            // Any descr we chose ('<f4' widened, '<V2', '<u2') would read back in NumPy as another type, not as bfloat16.
            throw new ArgumentException($"NumPy has no bfloat16 dtype, so the {tensor} tensor cannot be written as .npy; write it as safetensors, or widen it exactly with ConvertTo(TensorDType.Float32) first.", nameof(tensor));
        }

        options ??= NpyWriteOptions.Default;
        string dict = HeaderDict(tensor, options);
        NpyFormatVersion version = options.Version ?? (Wrapped(dict, NpyFormatVersion.Version1) <= ushort.MaxValue + 10
            ? NpyFormatVersion.Version1
            : NpyFormatVersion.Version2);
        int lengthSize = version == NpyFormatVersion.Version1 ? sizeof(ushort) : sizeof(uint);
        int total = Wrapped(dict, version);
        int headerLength = total - MagicLength - lengthSize;
        if (version == NpyFormatVersion.Version1 && headerLength > ushort.MaxValue)
        {
            throw new ArgumentException($"A header of {headerLength} bytes does not fit format version 1.0.", nameof(options));
        }

        int itemSize = ElementCodec.ItemSize(tensor.DType);
        var file = new byte[checked(total + ((long)tensor.ElementCount * itemSize))];
        Magic.CopyTo(file);
        file[6] = (byte)version;
        file[7] = 0;
        if (lengthSize == sizeof(ushort))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(MagicLength), (ushort)headerLength);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(MagicLength), (uint)headerLength);
        }

        Span<byte> header = file.AsSpan(MagicLength + lengthSize, headerLength);
        header.Fill((byte)' ');
        Encoding.ASCII.GetBytes(dict, header);
        header[^1] = (byte)'\n';
        Array values = tensor.RawValues;
        if (options.FortranOrder)
        {
            values = ShapeMath.CToFortran(values, tensor.Shape);
        }

        ElementCodec.Encode(values, file.AsSpan(total), options.BigEndian);
        return file;
    }

    /// <summary>Writes <paramref name="tensor"/> as a <c>.npy</c> file to <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentException">A bfloat16 tensor, or a header too long for version 1.0; see <see cref="ToBytes"/>.</exception>
    public static void Write(Stream stream, StoredTensor tensor, NpyWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes(tensor, options));
    }

    /// <summary>Writes <paramref name="tensor"/> as the <c>.npy</c> file <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">A bfloat16 tensor, or a header too long for version 1.0; see <see cref="ToBytes"/>.</exception>
    public static void WriteFile(string path, StoredTensor tensor, NpyWriteOptions? options = null) =>
        File.WriteAllBytes(path, ToBytes(tensor, options));

    private static ReadOnlySpan<char> DecodeHeader(ReadOnlySpan<byte> bytes, byte major)
    {
        if (major < 3)
        {
            return Encoding.Latin1.GetString(bytes);
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException("npy: a version 3.0 header is not valid UTF-8.", e);
        }
    }

    /// <summary>The dict as <c>repr</c> writes it, with sorted keys, a trailing ", " and NumPy's growth padding.</summary>
    private static string HeaderDict(StoredTensor tensor, NpyWriteOptions options)
    {
        ReadOnlySpan<long> shape = tensor.Shape;
        string descr = (options.BigEndian ? ">" : "<") + tensor.DType switch
        {
            TensorDType.Float32 => "f4",
            TensorDType.Float64 => "f8",
            _ => "f2",
        };
        string tuple = shape.Length == 1
            ? $"({shape[0].ToString(CultureInfo.InvariantCulture)},)"
            : "(" + string.Join(", ", shape.ToArray().Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";
        string fortran = options.FortranOrder ? "True" : "False";
        string dict = $"{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': {tuple}, }}";
        if (shape.Length > 0)
        {
            long growthAxis = shape[options.FortranOrder ? shape.Length - 1 : 0];
            dict += new string(' ', GrowthAxisMaxDigits - growthAxis.ToString(CultureInfo.InvariantCulture).Length);
        }

        return dict;
    }

    /// <summary>The byte offset of the data: magic, length field, dict, then spaces and '\n' up to a multiple of 64.</summary>
    private static int Wrapped(string dict, NpyFormatVersion version)
    {
        int prefix = MagicLength + (version == NpyFormatVersion.Version1 ? sizeof(ushort) : sizeof(uint));
        int unpadded = prefix + dict.Length + 1;

        // Like NumPy, a header already aligned still gets a full 64 bytes of padding.
        return unpadded + Alignment - (unpadded % Alignment);
    }
}
