using System.Buffers.Binary;
using System.Text;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// The zip layout of the fixture <c>mlp_f32.pt</c>, walked here independently of the reader, and copies of it with
/// one field changed: what the corruption tests of the zip layer share.
/// </summary>
public static class FixtureZip
{
    public const int EndSize = 22;
    public const int CentralSize = 46;
    public const int LocalSize = 30;

    public static byte[] Fixture() => File.ReadAllBytes(Path.Combine(TorchFixtures.Directory, "mlp_f32.pt"));

    public static void Rejects(byte[] file, string message)
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => PyTorchCheckpointFile.Read(file));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    // A copy with the little-endian field of `size` bytes at the offset `at` finds set to `value`.
    public static byte[] With(byte[] file, Func<byte[], int> at, long value, int size)
    {
        byte[] copy = (byte[])file.Clone();
        int offset = at(copy);
        for (int i = 0; i < size; i++)
        {
            copy[offset + i] = (byte)(value >> (8 * i));
        }

        return copy;
    }

    public static int EndOffset(byte[] file) => file.Length - EndSize;

    public static int Entries(byte[] file) => U16(file, EndOffset(file) + 10);

    public static int Central(byte[] file, int entry)
    {
        int position = (int)U32(file, EndOffset(file) + 16);
        for (int i = 0; i < entry; i++)
        {
            position += CentralSize + U16(file, position + 28) + U16(file, position + 30) + U16(file, position + 32);
        }

        return position;
    }

    public static string Name(byte[] file, int entry)
    {
        int central = Central(file, entry);
        return Encoding.UTF8.GetString(file, central + CentralSize, U16(file, central + 28));
    }

    public static int U16(byte[] file, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(offset));

    public static uint U32(byte[] file, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
}
