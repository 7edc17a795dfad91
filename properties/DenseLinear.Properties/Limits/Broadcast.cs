using System.Numerics.Tensors;

namespace DenseLinear.Properties.Limits;

/// <summary>
/// Tensors of any element count in no memory: every stride zero, so each element is the one value. They reach the
/// array limit for free, which makes the boundary tests cheap wherever the library refuses before copying.
/// </summary>
internal static class Broadcast
{
    /// <summary>Array.MaxLength + 1: the first length an array cannot have.</summary>
    public const int PastMaxLength = 2147483592;

    public static Tensor<float> Tensor(float value, params nint[] lengths) =>
        System.Numerics.Tensors.Tensor.Create([value], lengths, new nint[lengths.Length]);

    public static ReadOnlyTensorSpan<float> Span(float value, params nint[] lengths) =>
        new(new[] { value }, lengths, new nint[lengths.Length]);

    /// <summary>A writable view of <paramref name="cell"/>, which a refused call must leave as it was.</summary>
    public static TensorSpan<float> Destination(float[] cell, params nint[] lengths) =>
        new(cell, lengths, new nint[lengths.Length]);
}
