using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using DenseLinear.Kernels;

namespace DenseLinear.Layers;

/// <summary>
/// The shared forward pass of both layers: flatten (*, in) to rows, one kernel call, bias, activation, reshape to
/// (*, out). Every check runs before anything is written. A kernel that packs weights gets them packed once,
/// here, so forward passes do no weight packing.
/// </summary>
internal sealed class AffineMap<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AffineParameters<T> parameters;
    private readonly IWeightPackingKernel<T>? packingKernel;
    private readonly PackedWeights<T>? packedWeight;
    private readonly string convention;

    public AffineMap(AffineParameters<T> parameters)
    {
        this.parameters = parameters;
        InFeatures = parameters.InFeatures;
        OutFeatures = parameters.OutFeatures;
        convention = parameters.Convention.Name;
        if (parameters.SixteenBit is null && parameters.MatMulKernel is IWeightPackingKernel<T> packing)
        {
            packingKernel = packing;
            packedWeight = packing.Pack(parameters.Weight, InFeatures, OutFeatures, parameters.Convention.Layout);
        }
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    public Tensor<T> Forward(in ReadOnlyTensorSpan<T> input)
    {
        nint[] outputLengths = OutputLengths(input);
        var output = ArrayLength.Allocate<T>(outputLengths, $"{convention}: output", "input");
        Compute(input, outputLengths, output);
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

        if (!TensorShape.HasDistinctElements(destination.Lengths, destination.Strides))
        {
            throw new ArgumentException(
                $"{convention}: destination {TensorShape.Format(destination.Lengths)} with strides {TensorShape.Format(destination.Strides)} has elements that share memory, so it cannot hold distinct outputs.",
                nameof(destination));
        }

        // Every check has passed: a dense destination is written in place, a strided one through a copy.
        int count = ArrayLength.Of(outputLengths, $"{convention}: output", "input");
        if (count > 0 && destination.IsDense && destination.TryGetSpan(new nint[destination.Rank], count, out Span<T> direct))
        {
            Compute(input, outputLengths, direct);
            return;
        }

        var output = new T[count];
        Compute(input, outputLengths, output);
        new ReadOnlyTensorSpan<T>(output, outputLengths).CopyTo(destination);
    }

    // Every count is checked here, before the caller allocates or writes anything.
    private nint[] OutputLengths(in ReadOnlyTensorSpan<T> input) => parameters.OutputLengths(input.Lengths);

    private void Compute(in ReadOnlyTensorSpan<T> input, nint[] outputLengths, Span<T> y)
    {
        int rows = ArrayLength.Of(outputLengths.AsSpan(0, outputLengths.Length - 1), $"{convention}: batch", "input");
        ReadOnlySpan<T> x = Rows(input, ArrayLength.Of(input.Lengths, $"{convention}: input", nameof(input)));
        if (x.Overlaps(y))
        {
            // Kernels refuse a y that overlaps x; a destination sharing the input's memory is computed from a copy.
            x = x.ToArray();
        }

        if (parameters.SixteenBit is { } sixteenBit)
        {
            // Only float layers keep 16-bit weights (their factories check), so these casts change no type.
            sixteenBit.Multiply(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y), rows);
        }
        else if (packingKernel is not null && packedWeight is not null)
        {
            packingKernel.Multiply(x, packedWeight, y, rows);
        }
        else
        {
            parameters.MatMulKernel.Multiply(x, parameters.Weight, y, rows, InFeatures, OutFeatures, parameters.Convention.Layout);
        }

        parameters.AddBias(y);
        ActivationFunctions.Apply(parameters.Activation, y, OutFeatures);
    }

    // A dense input is read in place; a strided view is gathered into a row-major copy first.
    private static ReadOnlySpan<T> Rows(in ReadOnlyTensorSpan<T> input, int count)
    {
        if (count > 0 && input.IsDense && input.TryGetSpan(new nint[input.Rank], count, out ReadOnlySpan<T> values))
        {
            return values;
        }

        var copy = new T[count];
        input.FlattenTo(copy);
        return copy;
    }
}
