using System.Numerics.Tensors;

namespace DenseLinear.Properties.Limits;

/// <summary>
/// A tensor shape as the sweep generates it, with its storage. <see cref="Buffer"/> holds the elements: a dense
/// or padded layout only when it is small, otherwise one broadcast value, so shapes far past the array limit cost
/// nothing.
/// </summary>
public sealed class GeneratedTensor
{
    private const int MaxBuffer = 1 << 20;

    public GeneratedTensor(nint[] lengths, TensorStorage storage)
    {
        (Storage, Strides, Buffer) = Lay(lengths, storage);

        // The lengths the view really has: System.Numerics.Tensors reads no lengths at all as [buffer length].
        ReadOnlyTensorSpan<float> view = new(Buffer, lengths, Strides);
        Lengths = view.Lengths.ToArray();
        if (Strides.Length != Lengths.Length)
        {
            Strides = view.Strides.ToArray();
        }
    }

    public nint[] Lengths { get; }

    public TensorStorage Storage { get; }

    public nint[] Strides { get; }

    /// <summary>The memory behind the tensor, filled with small integers in [−3, 3].</summary>
    public float[] Buffer { get; }

    public ReadOnlyTensorSpan<float> Span() => new(Buffer, Lengths, Strides);

    public TensorSpan<float> WritableSpan() => new(Buffer, Lengths, Strides);

    public Tensor<float> Tensor() => System.Numerics.Tensors.Tensor.Create(Buffer, Lengths, Strides);

    public override string ToString() => $"[{string.Join(", ", Lengths)}] {Storage}";

    private static (TensorStorage Storage, nint[] Strides, float[] Buffer) Lay(nint[] lengths, TensorStorage storage)
    {
        if (storage != TensorStorage.Broadcast && !lengths.Contains(0) && Span(lengths, padded: storage == TensorStorage.Padded) is { } span && span <= MaxBuffer)
        {
            nint[] strides = new nint[lengths.Length];
            nint stride = 1;
            for (int axis = lengths.Length - 1; axis >= 0; axis--)
            {
                strides[axis] = stride;
                stride *= lengths[axis] + (storage == TensorStorage.Padded && axis == lengths.Length - 1 ? 1 : 0);
            }

            float[] buffer = new float[Math.Max(1, span)];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (i % 7) - 3;
            }

            if (IsAccepted(buffer, lengths, strides))
            {
                return (storage, strides, buffer);
            }
        }

        // Broadcast, or a layout System.Numerics.Tensors refuses to view (e.g. strides with a length of 1).
        return (TensorStorage.Broadcast, new nint[lengths.Length], [1.5f]);
    }

    // The elements a layout spans, or null past MaxBuffer.
    private static long? Span(nint[] lengths, bool padded)
    {
        long span = 1;
        for (int axis = 0; axis < lengths.Length; axis++)
        {
            long length = lengths[axis] + (padded && axis == lengths.Length - 1 ? 1 : 0);
            if (length > MaxBuffer || (span *= length) > MaxBuffer)
            {
                return null;
            }
        }

        return span;
    }

    private static bool IsAccepted(float[] buffer, nint[] lengths, nint[] strides)
    {
        try
        {
            _ = new ReadOnlyTensorSpan<float>(buffer, lengths, strides);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
