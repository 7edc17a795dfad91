using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear;

/// <summary>Shape helpers for messages and checked element counts.</summary>
internal static class TensorShape
{
    public static string Format(ReadOnlySpan<nint> lengths) => "[" + string.Join(", ", lengths.ToArray()) + "]";

    /// <summary>The product of <paramref name="lengths"/> as an int, or an ArgumentException naming the shape.</summary>
    public static int ElementCount(ReadOnlySpan<nint> lengths, string what)
    {
        // A zero length empties the shape wherever it stands, even after lengths whose product alone would not fit.
        if (lengths.Contains(0))
        {
            return 0;
        }

        long count = 1;
        foreach (nint length in lengths)
        {
            count *= length;
            if (count > int.MaxValue)
            {
                throw new ArgumentException($"{what} {Format(lengths)} has more elements than an array holds.");
            }
        }

        return (int)count;
    }

    /// <summary>Copies a rank-2 tensor's values out, checking its shape against the expected one.</summary>
    public static T[] CopyMatrix<T>(Tensor<T> matrix, string name, string convention)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.Rank != 2)
        {
            throw new ArgumentException($"{convention}: {name} must be rank 2, got {Format(matrix.Lengths)}.", name);
        }

        var values = new T[ElementCount(matrix.Lengths, $"{convention}: {name}")];
        matrix.FlattenTo(values);
        return values;
    }

    /// <summary>Copies a bias vector, which must be rank 1 with <paramref name="length"/> elements.</summary>
    public static T[]? CopyBias<T>(Tensor<T>? bias, int length, string weightDescription, string convention)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (bias is null)
        {
            return null;
        }

        if (bias.Rank != 1 || bias.Lengths[0] != length)
        {
            throw new ArgumentException(
                $"{convention}: bias is {Format(bias.Lengths)} but {weightDescription} needs bias [{length}].", nameof(bias));
        }

        var values = new T[length];
        bias.FlattenTo(values);
        return values;
    }
}
