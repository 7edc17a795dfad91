using System.Buffers.Binary;

namespace DenseLinear.IO;

/// <summary>Checks a tensor's view against its storage and copies its elements out in row-major order.</summary>
internal static class TorchTensorGather
{
    /// <summary>The bytes per element of <paramref name="type"/>.</summary>
    public static int ItemSize(TorchStorageType type) => type switch
    {
        TorchStorageType.Float => sizeof(float),
        TorchStorageType.Double => sizeof(double),
        _ => 2,
    };

    /// <summary>
    /// The number of elements of the view, after checking that every element it reaches,
    /// <c>offset + Σ i_k·stride_k</c> for <c>0 ≤ i_k &lt; size_k</c>, lies inside a storage of
    /// <paramref name="storageCount"/> elements.
    /// </summary>
    /// <exception cref="InvalidDataException">The count overflows, or the view reaches past the storage.</exception>
    public static long CheckView(string name, TorchTensorReference tensor, long storageCount)
    {
        long? count = ShapeMath.ByteCount(tensor.Size, 1);
        string view = $"size {StoredTensor.Format(tensor.Size)}, stride {StoredTensor.Format(tensor.Stride)}, storage offset {tensor.StorageOffset}";
        if (count is null)
        {
            throw new InvalidDataException($"pt: tensor '{name}' has {view}, more elements than 64 bits count.");
        }

        if (count == 0)
        {
            return tensor.StorageOffset <= storageCount ? 0 : throw new InvalidDataException($"pt: tensor '{name}' has {view}, an offset past its {storageCount}-element storage.");
        }

        long last = tensor.StorageOffset;
        for (int axis = 0; axis < tensor.Size.Length; axis++)
        {
            long extent = tensor.Size[axis] - 1;
            if (tensor.Stride[axis] != 0 && extent > (long.MaxValue - last) / tensor.Stride[axis])
            {
                last = long.MaxValue;
                break;
            }

            last += extent * tensor.Stride[axis];
        }

        return last < storageCount ? count.Value : throw new InvalidDataException($"pt: tensor '{name}' has {view}, which reaches element {last} of a {storageCount}-element storage.");
    }

    /// <summary>Copies the view's <paramref name="count"/> elements (checked by <see cref="CheckView"/>) from <paramref name="storage"/>.</summary>
    public static Array Gather(ReadOnlySpan<byte> storage, TorchStorageType type, bool bigEndian, TorchTensorReference tensor, int count)
    {
        int itemSize = ItemSize(type);
        var result = type == TorchStorageType.Double ? (Array)new double[count] : new float[count];
        int rank = tensor.Size.Length;
        var index = new long[rank];
        long element = tensor.StorageOffset;
        for (int c = 0; c < count; c++)
        {
            ReadOnlySpan<byte> item = storage.Slice((int)(element * itemSize), itemSize);
            if (result is double[] doubles)
            {
                doubles[c] = bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(item) : BinaryPrimitives.ReadDoubleLittleEndian(item);
            }
            else
            {
                ((float[])result)[c] = DecodeSingle(item, type, bigEndian);
            }

            // Advance the row-major multi-index, keeping the storage position in step.
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                index[axis]++;
                element += tensor.Stride[axis];
                if (index[axis] < tensor.Size[axis])
                {
                    break;
                }

                element -= index[axis] * tensor.Stride[axis];
                index[axis] = 0;
            }
        }

        return result;
    }

    private static float DecodeSingle(ReadOnlySpan<byte> item, TorchStorageType type, bool bigEndian)
    {
        if (type == TorchStorageType.Float)
        {
            return bigEndian ? BinaryPrimitives.ReadSingleBigEndian(item) : BinaryPrimitives.ReadSingleLittleEndian(item);
        }

        ushort bits = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(item) : BinaryPrimitives.ReadUInt16LittleEndian(item);
        return type == TorchStorageType.Half ? (float)BitConverter.UInt16BitsToHalf(bits) : BitConverter.UInt32BitsToSingle((uint)bits << 16);
    }
}
