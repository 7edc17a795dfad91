namespace DenseLinear.IO;

/// <summary>Checks a tensor's view against its storage and copies its elements out in row-major order.</summary>
internal static class TorchTensorGather
{
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

    /// <summary>
    /// The view's <paramref name="count"/> elements (checked by <see cref="CheckView"/>) of <paramref name="itemSize"/>
    /// bytes each, copied from <paramref name="storage"/> into one buffer in row-major order, still encoded.
    /// </summary>
    public static byte[] Gather(ReadOnlySpan<byte> storage, int itemSize, TorchTensorReference tensor, int count)
    {
        var result = new byte[count * itemSize];
        int rank = tensor.Size.Length;
        var index = new long[rank];
        long element = tensor.StorageOffset;
        for (int c = 0; c < count; c++)
        {
            storage.Slice((int)(element * itemSize), itemSize).CopyTo(result.AsSpan(c * itemSize));

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
}
