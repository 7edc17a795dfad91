using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.Interop.Tests.Fuzz;

/// <summary>One change to a file. Offsets are reduced modulo the file (or header) size, so every value applies.</summary>
public abstract record Corruption
{
    public abstract byte[] Apply(byte[] file, FileLayout layout);
}

/// <summary>Flips bit <paramref name="Bit"/> of byte <paramref name="Offset"/>.</summary>
public sealed record BitFlip(int Offset, int Bit) : Corruption
{
    public override byte[] Apply(byte[] file, FileLayout layout)
    {
        if (file.Length == 0)
        {
            return file;
        }

        byte[] copy = [.. file];
        copy[Offset % copy.Length] ^= (byte)(1 << (Bit % 8));
        return copy;
    }
}

/// <summary>Keeps only the first <paramref name="Length"/> bytes.</summary>
public sealed record Truncation(int Length) : Corruption
{
    public override byte[] Apply(byte[] file, FileLayout layout) => file[..(Length % (file.Length + 1))];
}

/// <summary>Writes <paramref name="Value"/> into the header length field, whatever its width.</summary>
public sealed record HeaderLengthValue(ulong Value) : Corruption
{
    public override byte[] Apply(byte[] file, FileLayout layout)
    {
        byte[] copy = [.. file];
        if (copy.Length < layout.LengthFieldOffset + layout.LengthFieldSize)
        {
            return copy;
        }

        Span<byte> field = copy.AsSpan(layout.LengthFieldOffset, layout.LengthFieldSize);
        switch (layout.LengthFieldSize)
        {
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)Value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)Value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(field, Value); break;
        }

        return copy;
    }
}

/// <summary>
/// Replaces <paramref name="DeleteCount"/> header characters at <paramref name="Offset"/> with
/// <paramref name="Insert"/> and rewrites the length field to match, so the parser reads the edited text.
/// </summary>
public sealed record HeaderEdit(int Offset, int DeleteCount, string Insert) : Corruption
{
    public override byte[] Apply(byte[] file, FileLayout layout)
    {
        int headerStart = layout.LengthFieldOffset + layout.LengthFieldSize;
        if (file.Length < layout.HeaderEnd || layout.HeaderEnd <= headerStart)
        {
            return file;
        }

        int headerLength = layout.HeaderEnd - headerStart;
        int at = Offset % headerLength;
        int delete = Math.Min(DeleteCount, headerLength - at);
        byte[] header = [.. file.AsSpan(headerStart, at), .. Encoding.UTF8.GetBytes(Insert), .. file.AsSpan(headerStart + at + delete, headerLength - at - delete)];
        byte[] edited = [.. file.AsSpan(0, headerStart), .. header, .. file.AsSpan(layout.HeaderEnd)];
        return new HeaderLengthValue((ulong)header.Length).Apply(edited, layout);
    }
}

/// <summary>Flips a bit in the data after the header: values change, the file usually stays valid.</summary>
public sealed record DataBitFlip(int Offset, int Bit) : Corruption
{
    public override byte[] Apply(byte[] file, FileLayout layout)
    {
        if (file.Length <= layout.HeaderEnd)
        {
            return file;
        }

        byte[] copy = [.. file];
        copy[layout.HeaderEnd + (Offset % (copy.Length - layout.HeaderEnd))] ^= (byte)(1 << (Bit % 8));
        return copy;
    }
}
