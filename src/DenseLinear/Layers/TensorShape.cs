using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear;

/// <summary>Shape helpers for messages and the layers' checked copies of their weights.</summary>
internal static class TensorShape
{
    public static string Format(ReadOnlySpan<nint> lengths) => "[" + string.Join(", ", lengths.ToArray()) + "]";

    /// <summary>Copies a rank-2 tensor's values out, checking its shape against the expected one.</summary>
    public static T[] CopyMatrix<T>(Tensor<T> matrix, string name, string convention)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.Rank != 2)
        {
            throw new ArgumentException($"{convention}: {name} must be rank 2, got {Format(matrix.Lengths)}.", name);
        }

        var values = ArrayLength.Allocate<T>(matrix.Lengths, $"{convention}: {name}", name);
        if (matrix.Lengths[0] > int.MaxValue || matrix.Lengths[1] > int.MaxValue)
        {
            // An empty matrix may still be too wide: its dimensions become int feature counts.
            throw new ArgumentException($"{convention}: {name} {Format(matrix.Lengths)} has a dimension past int.MaxValue, more features than a layer counts.", name);
        }

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

        var values = ArrayLength.Allocate<T>(bias.Lengths, $"{convention}: bias", nameof(bias));
        bias.FlattenTo(values);
        return values;
    }
}
