using System.Numerics;

namespace DenseLinear.Layers;

/// <summary>
/// A layer's parameters as the shared passes read them: the weight in <see cref="LayerConvention.Layout"/>, the bias
/// [out] or none, the widths, the activation and the matrix multiplication code. The arrays are the layer's own,
/// never written after construction. A weight kept in 16 bits (<see cref="SixteenBit"/>) is widened into
/// <see cref="Weight"/> only when something asks for the float weight.
/// </summary>
internal sealed class AffineParameters<T>(
    T[]? weight, T[]? bias, int inFeatures, int outFeatures, Activation activation, IMatMulKernel<T> matMulKernel, LayerConvention convention, SixteenBitWeight? sixteenBit = null)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[]? weight = weight ?? (sixteenBit is null ? throw new ArgumentNullException(nameof(weight)) : null);

    /// <summary>The weight in the convention's layout; a 16-bit weight is widened exactly on first use.</summary>
    public T[] Weight => LazyInitializer.EnsureInitialized(ref weight, () => SixteenBit!.Widen<T>());

    /// <summary>The bias [out], or null.</summary>
    public T[]? Bias { get; } = bias;

    /// <summary>Inputs per row.</summary>
    public int InFeatures { get; } = inFeatures;

    /// <summary>Outputs per row.</summary>
    public int OutFeatures { get; } = outFeatures;

    /// <summary>The activation after the bias.</summary>
    public Activation Activation { get; } = activation;

    /// <summary>The float (or double) matrix multiplication: every product of a layer with a float weight, and the backward pass.</summary>
    public IMatMulKernel<T> MatMulKernel { get; } = matMulKernel;

    /// <summary>The convention: name, weight layout, minimum input rank.</summary>
    public LayerConvention Convention { get; } = convention;

    /// <summary>The weight kept in 16 bits, whose forward products run on the mixed-precision kernel; null for a float weight.</summary>
    public SixteenBitWeight? SixteenBit { get; } = sixteenBit;

    /// <summary>The parts, for the passes that take them all.</summary>
    public void Deconstruct(out T[] weightValues, out T[]? biasValues, out int inputs, out int outputs, out Activation activationKind, out IMatMulKernel<T> kernel, out LayerConvention layer)
    {
        weightValues = Weight;
        biasValues = Bias;
        inputs = InFeatures;
        outputs = OutFeatures;
        activationKind = Activation;
        kernel = MatMulKernel;
        layer = Convention;
    }

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
