using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear;

/// <summary>
/// The shared forward pass of both layers: flatten (*, in) to rows, one kernel call, bias, activation, reshape to
/// (*, out). Every check runs before anything is written.
/// </summary>
internal sealed class AffineMap<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] weight;
    private readonly T[]? bias;
    private readonly WeightLayout layout;
    private readonly Activation activation;
    private readonly IMatMulKernel<T> kernel;
    private readonly int minimumRank;
    private readonly string convention;

    public AffineMap(T[] weight, T[]? bias, int inFeatures, int outFeatures, WeightLayout layout, Activation activation, IMatMulKernel<T> kernel, int minimumRank, string convention)
    {
        this.weight = weight;
        this.bias = bias;
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        this.layout = layout;
        this.activation = activation;
        this.kernel = kernel;
        this.minimumRank = minimumRank;
        this.convention = convention;
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    public Tensor<T> Forward(in ReadOnlyTensorSpan<T> input)
    {
        nint[] outputLengths = OutputLengths(input);
        T[] output = Compute(input, outputLengths);
        return Tensor.Create(output, outputLengths);
    }

    public void Forward(in ReadOnlyTensorSpan<T> input, in TensorSpan<T> destination)
    {
        nint[] outputLengths = OutputLengths(input);
        if (!destination.Lengths.SequenceEqual(outputLengths))
        {
            throw new ArgumentException(
                $"{convention}: destination is {TensorShape.Format(destination.Lengths)} but input {TensorShape.Format(input.Lengths)} gives {TensorShape.Format(outputLengths)}.",
                nameof(destination));
        }

        T[] output = Compute(input, outputLengths);
        new ReadOnlyTensorSpan<T>(output, outputLengths).CopyTo(destination);
    }

    private nint[] OutputLengths(in ReadOnlyTensorSpan<T> input)
    {
        ReadOnlySpan<nint> lengths = input.Lengths;
        if (input.Rank < minimumRank)
        {
            string requirement = minimumRank >= 2
                ? $"Keras Dense requires input of rank >= 2 (min_ndim=2), got rank {input.Rank} with shape {TensorShape.Format(lengths)}"
                : $"input of rank >= 1 is required, got rank {input.Rank}";
            throw new ArgumentException($"{convention}: {requirement}.", nameof(input));
        }

        if (lengths[^1] != InFeatures)
        {
            throw new ArgumentException(
                $"{convention}: input {TensorShape.Format(lengths)} has last dimension {lengths[^1]}, the layer expects (*, {InFeatures}).",
                nameof(input));
        }

        nint[] output = lengths.ToArray();
        output[^1] = OutFeatures;
        TensorShape.ElementCount(output, $"{convention}: output");
        return output;
    }

    private T[] Compute(in ReadOnlyTensorSpan<T> input, nint[] outputLengths)
    {
        int rows = TensorShape.ElementCount(outputLengths.AsSpan(0, outputLengths.Length - 1), $"{convention}: batch");
        var x = new T[checked(rows * InFeatures)];
        input.FlattenTo(x);
        var y = new T[checked(rows * OutFeatures)];
        kernel.Multiply(x, weight, y, rows, InFeatures, OutFeatures, layout);
        if (bias is not null)
        {
            for (int row = 0; row < rows; row++)
            {
                Span<T> outputRow = y.AsSpan(row * OutFeatures, OutFeatures);
                for (int j = 0; j < OutFeatures; j++)
                {
                    outputRow[j] += bias[j];
                }
            }
        }

        ActivationFunctions.Apply(activation, y.AsSpan(), OutFeatures);
        return y;
    }
}
