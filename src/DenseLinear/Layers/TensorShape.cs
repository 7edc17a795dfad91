using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear.Layers;

/// <summary>Shape helpers for messages and the layers' checked copies of their weights.</summary>
internal static class TensorShape
{
    public static string Format(ReadOnlySpan<nint> lengths) => ArrayLength.Format(lengths);

    /// <summary>
    /// Whether no two elements of a strided view share memory. Taking the axes of length &gt; 1 by increasing stride,
    /// each stride must pass the farthest offset the inner axes reach: stride ≥ Σ (length − 1)·stride of those + 1.
    /// </summary>
    public static bool HasDistinctElements(ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides)
    {
        if (lengths.Contains(0))
        {
            return true;
        }

        var axes = new List<(nint Stride, nint Length)>();
        for (int axis = 0; axis < lengths.Length; axis++)
        {
            if (lengths[axis] > 1)
            {
                axes.Add((strides[axis], lengths[axis]));
            }
        }

        axes.Sort((a, b) => a.Stride.CompareTo(b.Stride));
        long reach = 0;
        foreach ((nint stride, nint length) in axes)
        {
            if (stride <= reach)
            {
                return false;
            }

            reach += (length - 1) * (long)stride;
        }

        return true;
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

        var values = ArrayLength.Allocate<T>(matrix.Lengths, $"{convention}: {name}", name);
        if (!ArrayLength.FitsSpan(matrix.Lengths[0]) || !ArrayLength.FitsSpan(matrix.Lengths[1]))
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
