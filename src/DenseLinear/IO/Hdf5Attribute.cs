using System.Buffers.Binary;

namespace DenseLinear.IO;

/// <summary>An attribute of an HDF5 object: its name, datatype, dataspace and the byte range of its data.</summary>
internal sealed record Hdf5Attribute(string Name, Hdf5Datatype Datatype, Hdf5Dataspace Dataspace, long DataOffset, int DataLength)
{
    /// <summary>The attributes of <paramref name="owner"/> by name, from its attribute messages.</summary>
    /// <exception cref="InvalidDataException">A message is malformed, shared, or the attributes are in dense storage.</exception>
    public static Dictionary<string, Hdf5Attribute> Of(Hdf5Node owner)
    {
        var attributes = new Dictionary<string, Hdf5Attribute>(StringComparer.Ordinal);
        foreach (Hdf5Message message in owner.Messages)
        {
            ReadOnlySpan<byte> data = owner.File.Span(message.Offset, message.Length, $"a message of '{owner.Path}'");
            if (message.Type == Hdf5Message.AttributeInfo)
            {
                int heapAt = data.Length >= 2 && (data[1] & 1) != 0 ? 4 : 2;
                if (data.Length >= heapAt + 8 && BinaryPrimitives.ReadUInt64LittleEndian(data[heapAt..]) != Hdf5File.Undefined)
                {
                    throw new InvalidDataException($"hdf5: '{owner.Path}' keeps its attributes in dense storage (a fractal heap), which is not read.");
                }
            }
            else if (message.Type == Hdf5Message.Attribute)
            {
                Hdf5Attribute attribute = Parse(owner, data, message.Offset);
                if (!attributes.TryAdd(attribute.Name, attribute))
                {
                    throw new InvalidDataException($"hdf5: '{owner.Path}' has two attributes named '{attribute.Name}'.");
                }
            }
        }

        return attributes;
    }

    // Version 1: version, reserved, the name's, datatype's and dataspace's sizes (2 bytes each), then the three, each
    // padded to 8 bytes, then the data. Version 2: flags instead of the reserved byte, no padding. Version 3: as 2 with
    // a character-set byte before the name.
    private static Hdf5Attribute Parse(Hdf5Node owner, ReadOnlySpan<byte> data, long offset)
    {
        string where = $"an attribute of '{owner.Path}'";
        if (data.Length < 8 || data[0] is < 1 or > 3)
        {
            throw new InvalidDataException($"hdf5: {where} at byte {offset} is malformed (version {(data.Length > 0 ? data[0] : -1)}).");
        }

        if (data[0] > 1 && (data[1] & 3) != 0)
        {
            throw new InvalidDataException($"hdf5: {where} at byte {offset} uses a shared datatype or dataspace, which is not read.");
        }

        static int Padded(int length, bool pad) => pad ? (length + 7) & ~7 : length;
        bool pad = data[0] == 1;
        int nameSize = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        int typeSize = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        int spaceSize = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
        int nameAt = data[0] == 3 ? 9 : 8;
        int typeAt = nameAt + Padded(nameSize, pad);
        int spaceAt = typeAt + Padded(typeSize, pad);
        int valuesAt = spaceAt + Padded(spaceSize, pad);
        if (nameSize == 0 || valuesAt > data.Length)
        {
            throw new InvalidDataException($"hdf5: {where} at byte {offset} claims parts past its {data.Length}-byte message.");
        }

        ReadOnlySpan<byte> nameBytes = data.Slice(nameAt, nameSize);
        int end = nameBytes.IndexOf((byte)0);
        string name = Hdf5File.Utf8(end >= 0 ? nameBytes[..end] : nameBytes, $"the name of {where} at byte {offset}");

        return new Hdf5Attribute(
            name,
            Hdf5Datatype.Parse(data.Slice(typeAt, typeSize), $"attribute '{name}' of '{owner.Path}'"),
            Hdf5Dataspace.Parse(data.Slice(spaceAt, spaceSize), $"attribute '{name}' of '{owner.Path}'"),
            offset + valuesAt,
            data.Length - valuesAt);
    }
}
