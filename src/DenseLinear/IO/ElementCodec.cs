using System.Buffers.Binary;

namespace DenseLinear.IO;

/// <summary>Decodes and encodes IEEE 754 elements of either byte order; the only place bytes become numbers.</summary>
internal static class ElementCodec
{
    public static int ItemSize(TensorDType dtype) => dtype == TensorDType.Float32 ? sizeof(float) : sizeof(double);

    /// <summary>Decodes <paramref name="bytes"/>, whose length the caller has checked to be count × item size.</summary>
    public static Array Decode(ReadOnlySpan<byte> bytes, TensorDType dtype, bool bigEndian)
    {
        if (dtype == TensorDType.Float32)
        {
            var values = new float[bytes.Length / sizeof(float)];
            for (int i = 0; i < values.Length; i++)
            {
                ReadOnlySpan<byte> item = bytes.Slice(i * sizeof(float), sizeof(float));
                values[i] = bigEndian ? BinaryPrimitives.ReadSingleBigEndian(item) : BinaryPrimitives.ReadSingleLittleEndian(item);
            }

            return values;
        }

        var doubles = new double[bytes.Length / sizeof(double)];
        for (int i = 0; i < doubles.Length; i++)
        {
            ReadOnlySpan<byte> item = bytes.Slice(i * sizeof(double), sizeof(double));
            doubles[i] = bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(item) : BinaryPrimitives.ReadDoubleLittleEndian(item);
        }

        return doubles;
    }

    /// <summary>IEEE binary16 (safetensors <c>F16</c>) widened exactly to float.</summary>
    public static float[] DecodeHalf(ReadOnlySpan<byte> bytes)
    {
        var values = new float[bytes.Length / 2];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(i * 2, 2)));
        }

        return values;
    }

    /// <summary>bfloat16 (safetensors <c>BF16</c>), the upper half of a binary32, widened exactly to float.</summary>
    public static float[] DecodeBFloat16(ReadOnlySpan<byte> bytes)
    {
        var values = new float[bytes.Length / 2];
        for (int i = 0; i < values.Length; i++)
        {
            uint upper = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(i * 2, 2));
            values[i] = BitConverter.UInt32BitsToSingle(upper << 16);
        }

        return values;
    }

    /// <summary>Encodes <paramref name="values"/> (float[] or double[]) into <paramref name="destination"/>.</summary>
    public static void Encode(Array values, Span<byte> destination, bool bigEndian)
    {
        if (values is float[] floats)
        {
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

            return;
        }

        var doubles = (double[])values;
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
    }
}
