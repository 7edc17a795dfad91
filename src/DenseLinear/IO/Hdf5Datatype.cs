using System.Buffers.Binary;

namespace DenseLinear.IO;

/// <summary>
/// An HDF5 datatype message, as far as weights and names need it: the class, the element size, the byte order, and
/// for strings their padding and whether they are variable-length (stored in a global heap).
/// </summary>
internal sealed record Hdf5Datatype(int Class, long Size, bool BigEndian, int StringPadding, bool VariableLengthString)
{
    public const int FixedPoint = 0;
    public const int FloatingPoint = 1;
    public const int String = 3;
    public const int Opaque = 5;
    public const int VariableLength = 9;

    /// <summary>The class's name in messages.</summary>
    public string ClassName => Class switch
    {
        FixedPoint => "integer",
        FloatingPoint => "floating-point",
        2 => "time",
        String => "string",
        4 => "bit field",
        Opaque => "opaque",
        6 => "compound",
        7 => "reference",
        8 => "enumeration",
        VariableLength => "variable-length",
        10 => "array",
        _ => $"class {Class}",
    };

    /// <summary>Parses a datatype message's bytes: class and version, three bytes of class bits, the size, the properties.</summary>
    /// <exception cref="InvalidDataException">The message is shorter than its fixed part, or a VAX-ordered float.</exception>
    public static Hdf5Datatype Parse(ReadOnlySpan<byte> data, string what)
    {
        if (data.Length < 8)
        {
            throw new InvalidDataException($"hdf5: the datatype of {what} is {data.Length} bytes, shorter than its 8-byte fixed part.");
        }

        int typeClass = data[0] & 0x0F;
        byte bits = data[1];
        long size = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        return typeClass switch
        {
            FloatingPoint when (bits & 0x40) != 0 => throw new InvalidDataException($"hdf5: {what} holds VAX-ordered floats, which are not read."),
            FixedPoint or FloatingPoint => new Hdf5Datatype(typeClass, size, (bits & 1) != 0, 0, false),
            String => new Hdf5Datatype(typeClass, size, false, bits & 0x0F, false),
            VariableLength => new Hdf5Datatype(typeClass, size, false, bits >> 4, (bits & 0x0F) == 1),
            _ => new Hdf5Datatype(typeClass, size, false, 0, false),
        };
    }
}
