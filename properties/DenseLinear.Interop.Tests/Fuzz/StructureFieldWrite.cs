using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.Interop.Tests.Fuzz;

/// <summary>
/// Writes <paramref name="Value"/> (<paramref name="Width"/> bytes, little-endian) at <paramref name="Delta"/> bytes
/// into one of the file's structures: the HDF5 superblock, a B-tree, heap or symbol-table node (found by signature),
/// an object header (found through the symbol-table entries that point at it: version 1 headers have no signature),
/// or a zip header. These are where the sizes, addresses, dimensions and counts are.
/// </summary>
public sealed record StructureFieldWrite(int Anchor, int Delta, int Width, ulong Value) : Corruption
{
    private static readonly byte[][] Signatures =
        [.. new[] { "TREE", "HEAP", "SNOD", "GCOL", "OHDR", "OCHK", "BTHD", "BTIN", "BTLF", "FRHP", "FHDB", "FSHD", "PK\u0001\u0002", "PK\u0003\u0004", "PK\u0005\u0006" }
            .Select(Encoding.Latin1.GetBytes)];

    public override byte[] Apply(byte[] file, FileLayout layout)
    {
        List<int> anchors = Anchors(file);
        int width = Width switch { <= 1 => 1, 2 => 2, <= 4 => 4, _ => 8 };
        int at = anchors[Anchor % anchors.Count] + (Delta % 256);
        if (at + width > file.Length)
        {
            return file;
        }

        byte[] copy = [.. file];
        Span<byte> field = copy.AsSpan(at, width);
        switch (width)
        {
            case 1: field[0] = (byte)Value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)Value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)Value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(field, Value); break;
        }

        return copy;
    }

    private static List<int> Anchors(byte[] file)
    {
        var anchors = new List<int> { 0 };
        foreach (byte[] signature in Signatures)
        {
            for (int at = file.AsSpan().IndexOf(signature); at >= 0;)
            {
                anchors.Add(at);
                if (signature[0] == (byte)'S' && at + 8 <= file.Length)
                {
                    // A symbol-table node: 'SNOD', version, reserved, a 2-byte count, then 40-byte entries whose
                    // second field is the object header's address.
                    int count = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(at + 6)), 64);
                    for (int entry = 0; entry < count && at + 8 + (40 * entry) + 16 <= file.Length; entry++)
                    {
                        ulong address = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(at + 8 + (40 * entry) + 8));
                        if (address < (ulong)file.Length)
                        {
                            anchors.Add((int)address);
                        }
                    }
                }

                int next = file.AsSpan(at + 1).IndexOf(signature);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        return anchors;
    }
}
