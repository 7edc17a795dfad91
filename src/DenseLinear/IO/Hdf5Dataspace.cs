using System.Buffers.Binary;

namespace DenseLinear.IO;

/// <summary>An HDF5 dataspace message: null (no data), scalar (rank 0) or simple (the dimensions).</summary>
internal sealed record Hdf5Dataspace(bool IsNull, long[] Shape)
{
    private const int MaximumRank = 32;

    /// <summary>The number of elements: the product of the dimensions, 1 for a scalar, 0 for null.</summary>
    public long Count
    {
        get
        {
            if (IsNull)
            {
                return 0;
            }

            long count = 1;
            foreach (long dimension in Shape)
            {
                count = dimension == 0 ? 0 : count <= long.MaxValue / dimension ? count * dimension : long.MaxValue;
            }

            return count;
        }
    }

    /// <summary>Parses version 1 (rank, flags, 5 reserved bytes, dimensions) or version 2 (rank, flags, type, dimensions).</summary>
    /// <exception cref="InvalidDataException">Another version, a rank past 32, or dimensions past the message.</exception>
    public static Hdf5Dataspace Parse(ReadOnlySpan<byte> data, string what)
    {
        if (data.Length < 4)
        {
            throw new InvalidDataException($"hdf5: the dataspace of {what} is {data.Length} bytes, shorter than its fixed part.");
        }

        int rank = data[1];
        (int dimensionsAt, bool isNull) = data[0] switch
        {
            1 => (8, false),
            2 => (4, data[3] == 2),
            _ => throw new InvalidDataException($"hdf5: the dataspace of {what} is of version {data[0]}, not 1 or 2."),
        };
        if (rank > MaximumRank || dimensionsAt + (8L * rank) > data.Length)
        {
            throw new InvalidDataException($"hdf5: the dataspace of {what} claims rank {rank}, past its {data.Length}-byte message or the limit of {MaximumRank}.");
        }

        var shape = new long[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            ulong dimension = BinaryPrimitives.ReadUInt64LittleEndian(data[(dimensionsAt + (8 * axis))..]);
            shape[axis] = dimension <= (ulong)Array.MaxLength
                ? (long)dimension
                : throw new InvalidDataException($"hdf5: the dataspace of {what} has dimension {dimension}, more than an array holds.");
        }

        return new Hdf5Dataspace(isNull, shape);
    }
}
