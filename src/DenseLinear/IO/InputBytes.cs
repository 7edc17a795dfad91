namespace DenseLinear.IO;

/// <summary>Reads a whole stream into memory, so every later size check is against bytes that exist.</summary>
internal static class InputBytes
{
    /// <summary>
    /// The remaining bytes of <paramref name="stream"/>. The buffer grows with the data actually read, never with a
    /// length announced by the stream or a header.
    /// </summary>
    public static byte[] ReadToEnd(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
