using System.IO.Compression;

namespace DenseLinear.IO;

/// <summary>The members of a <c>.keras</c> zip archive, read as hostile input.</summary>
internal static class KerasArchive
{
    // Deflate cannot expand by more than about 1032:1, so a larger declared size is a lie.
    private const long MaximumDeflateRatio = 1032;

    /// <summary>Each member's bytes by name.</summary>
    /// <exception cref="InvalidDataException">The archive is malformed, names a member twice, or a member is larger than its compressed size allows or than it declares.</exception>
    public static Dictionary<string, byte[]> ReadEntries(ReadOnlyMemory<byte> file)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var archive = new ZipArchive(new MemoryStream(file.ToArray(), writable: false), ZipArchiveMode.Read);
            foreach (ZipArchiveEntry entry in archive.Entries)
            {
                if (entry.Length < 0 || entry.Length > Math.Max(entry.CompressedLength, 1) * MaximumDeflateRatio || entry.Length > Array.MaxLength)
                {
                    throw new InvalidDataException($"keras: archive member '{entry.FullName}' declares {entry.Length} bytes from {entry.CompressedLength} compressed bytes.");
                }

                using Stream stream = entry.Open();
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    if (buffer.Length + read > entry.Length)
                    {
                        throw new InvalidDataException($"keras: archive member '{entry.FullName}' holds more than the {entry.Length} bytes it declares.");
                    }

                    buffer.Write(chunk, 0, read);
                }

                if (!entries.TryAdd(entry.FullName, buffer.ToArray()))
                {
                    throw new InvalidDataException($"keras: the archive holds '{entry.FullName}' twice.");
                }
            }
        }
        catch (InvalidDataException e) when (e.Message.StartsWith("keras: ", StringComparison.Ordinal))
        {
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"keras: the zip archive is malformed: {e.Message}", e);
        }

        return entries;
    }
}
