using System.Numerics;

namespace DenseLinear.Layers;

/// <summary>
/// A layer's parameters as the shared passes read them: the weight in <see cref="LayerConvention.Layout"/>, the bias
/// [out] or none, the widths, the activation and the matrix multiplication code. The arrays are the layer's own,
/// never written after construction.
/// </summary>
internal sealed record AffineParameters<T>(
    T[] Weight, T[]? Bias, int InFeatures, int OutFeatures, Activation Activation, IMatMulKernel<T> MatMulKernel, LayerConvention Convention)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// The one check of an input (*, in) that both passes make: the convention's minimum rank, the last dimension, and
    /// every count that follows from it (input, batch, output) fitting an array and a tensor. Returns (*, out).
    /// </summary>
    public nint[] OutputLengths(ReadOnlySpan<nint> inputLengths)
    {
        string convention = Convention.Name;
        int minimumRank = Convention.MinimumRank;
        if (inputLengths.Length < minimumRank)
        {
            string requirement = minimumRank >= 2
                ? $"Keras Dense requires input of rank >= 2 (min_ndim=2), got rank {inputLengths.Length} with shape {TensorShape.Format(inputLengths)}"
                : $"input of rank >= 1 is required, got rank {inputLengths.Length}";
            throw new ArgumentException($"{convention}: {requirement}.", "input");
        }

        if (inputLengths[^1] != InFeatures)
        {
            throw new ArgumentException(
                $"{convention}: input {TensorShape.Format(inputLengths)} has last dimension {inputLengths[^1]}, the layer expects (*, {InFeatures}).",
                "input");
        }

        nint[] output = inputLengths.ToArray();
        output[^1] = OutFeatures;
        ArrayLength.Of(output, $"{convention}: output", "input");
        ArrayLength.Of(output.AsSpan(0, output.Length - 1), $"{convention}: batch", "input");
        ArrayLength.Of(inputLengths, $"{convention}: input", "input");
        ArrayLength.ThrowIfStridesOverflow(output, $"{convention}: output", "input");
        return output;
    }

    /// <summary>Adds the bias, if any, to every row of <paramref name="y"/> [rows×out], in place.</summary>
    public void AddBias(Span<T> y) => AddToEveryRow(y, Bias);

    /// <summary>y[row, j] += bias[j] for every row of <paramref name="y"/> (rows of bias.Length); nothing for no bias.</summary>
    public static void AddToEveryRow(Span<T> y, ReadOnlySpan<T> bias)
    {
        if (bias.IsEmpty)
        {
            return;
        }

        for (int start = 0; start < y.Length; start += bias.Length)
        {
            Span<T> row = y.Slice(start, bias.Length);
            for (int j = 0; j < row.Length; j++)
            {
                row[j] += bias[j];
            }
        }
    }
}
