using System.Buffers.Binary;

namespace DenseLinear.IO;

/// <summary>Decodes and encodes the elements of every <see cref="TensorDType"/> in either byte order; the only place bytes become numbers.</summary>
internal static class ElementCodec
{
    public static int ItemSize(TensorDType dtype) => dtype switch
    {
        TensorDType.Float32 => sizeof(float),
        TensorDType.Float64 => sizeof(double),
        _ => sizeof(ushort),
    };

    /// <summary>
    /// Decodes <paramref name="bytes"/>, whose length the caller has checked to be count × item size, into a float[],
    /// double[], <see cref="BFloat16"/>[] or <see cref="Half"/>[]: the bits as stored, never converted.
    /// </summary>
    public static Array Decode(ReadOnlySpan<byte> bytes, TensorDType dtype, bool bigEndian)
    {
        int itemSize = ItemSize(dtype);
        int count = bytes.Length / itemSize;
        switch (dtype)
        {
            case TensorDType.Float32:
                var floats = new float[count];
                for (int i = 0; i < count; i++)
                {
                    ReadOnlySpan<byte> item = bytes.Slice(i * itemSize, itemSize);
                    floats[i] = bigEndian ? BinaryPrimitives.ReadSingleBigEndian(item) : BinaryPrimitives.ReadSingleLittleEndian(item);
                }

                return floats;
            case TensorDType.Float64:
                var doubles = new double[count];
                for (int i = 0; i < count; i++)
                {
                    ReadOnlySpan<byte> item = bytes.Slice(i * itemSize, itemSize);
                    doubles[i] = bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(item) : BinaryPrimitives.ReadDoubleLittleEndian(item);
                }

                return doubles;
            case TensorDType.BFloat16:
                var bfloats = new BFloat16[count];
                for (int i = 0; i < count; i++)
                {
                    bfloats[i] = BFloat16.FromBits(ReadBits(bytes.Slice(i * itemSize, itemSize), bigEndian));
                }

                return bfloats;
            default:
                var halves = new Half[count];
                for (int i = 0; i < count; i++)
                {
                    halves[i] = BitConverter.UInt16BitsToHalf(ReadBits(bytes.Slice(i * itemSize, itemSize), bigEndian));
                }

                return halves;
        }
    }

    /// <summary>Encodes <paramref name="values"/> (as <see cref="Decode"/> returns them) into <paramref name="destination"/>.</summary>
    public static void Encode(Array values, Span<byte> destination, bool bigEndian)
    {
        switch (values)
        {
            case float[] floats:
                for (int i = 0; i < floats.Length; i++)
                {
                    Span<byte> item = destination.Slice(i * sizeof(float), sizeof(float));
                    if (bigEndian)
                    {
                        BinaryPrimitives.WriteSingleBigEndian(item, floats[i]);
                    }
                    else
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(item, floats[i]);
                    }
                }

                break;
            case double[] doubles:
                for (int i = 0; i < doubles.Length; i++)
                {
                    Span<byte> item = destination.Slice(i * sizeof(double), sizeof(double));
                    if (bigEndian)
                    {
                        BinaryPrimitives.WriteDoubleBigEndian(item, doubles[i]);
                    }
                    else
                    {
                        BinaryPrimitives.WriteDoubleLittleEndian(item, doubles[i]);
                    }
                }

                break;
            case BFloat16[] bfloats:
                for (int i = 0; i < bfloats.Length; i++)
                {
                    WriteBits(destination.Slice(i * sizeof(ushort), sizeof(ushort)), bfloats[i].Bits, bigEndian);
                }

                break;
            default:
                var halves = (Half[])values;
                for (int i = 0; i < halves.Length; i++)
                {
                    WriteBits(destination.Slice(i * sizeof(ushort), sizeof(ushort)), BitConverter.HalfToUInt16Bits(halves[i]), bigEndian);
                }

                break;
        }
    }

    private static ushort ReadBits(ReadOnlySpan<byte> item, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(item) : BinaryPrimitives.ReadUInt16LittleEndian(item);

    private static void WriteBits(Span<byte> item, ushort bits, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(item, bits);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(item, bits);
        }
    }
}
