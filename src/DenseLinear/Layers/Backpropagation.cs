using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Accuracy;

namespace DenseLinear.Layers;

/// <summary>
/// The backward pass of both layers, for the loss gradient dY with respect to the output. Rows are the flattened
/// leading dimensions; dY' is dY through the activation (<see cref="ActivationFunctions.Backward{T}"/>).
/// </summary>
/// <remarks>
/// PyTorch, W [out, in]: dX = dY'·W is <c>Multiply(dY', W, m, k: out, n: in, InOut)</c> (W read as [k×n]);
/// dW = (Xᵀ·dY')ᵀ is <c>Multiply(Xᵀ, dY', m: in, k: rows, n: out, InOut)</c>, transposed.
/// Keras, K [in, units]: dX = dY'·Kᵀ is <c>Multiply(dY', K, m, k: units, n: in, OutIn)</c> (K read as [n×k]);
/// dK = Xᵀ·dY' is <c>Multiply(Xᵀ, dY', m: in, k: rows, n: units, InOut)</c>.
/// db = Σ over rows of dY', summed in row order in T. Every gradient element is thus one dot product, held to
/// <see cref="ErrorBound.DotProduct{T}"/> like the forward pass.
/// </remarks>
internal static class Backpropagation
{
    public static LayerGradients<T> Backward<T>(in ReadOnlyTensorSpan<T> input, in ReadOnlyTensorSpan<T> outputGradient, AffineParameters<T> parameters)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (T[] weight, T[]? bias, int inFeatures, int outFeatures, Activation activation, IMatMulKernel<T> matMulKernel, LayerConvention layer) = parameters;
        (string convention, WeightLayout layout, _) = layer;
        nint[] outputLengths = parameters.OutputLengths(input.Lengths);
        if (!outputGradient.Lengths.SequenceEqual(outputLengths))
        {
            throw new ArgumentException(
                $"{convention}: the output gradient is {TensorShape.Format(outputGradient.Lengths)} but input {TensorShape.Format(input.Lengths)} gives output {TensorShape.Format(outputLengths)}.",
                nameof(outputGradient));
        }

        // OutputLengths has checked that these counts fit.
        int rows = ArrayLength.Of(outputLengths.AsSpan(0, outputLengths.Length - 1), $"{convention}: batch", nameof(input));
        int inputCount = ArrayLength.Of(input.Lengths, $"{convention}: input", nameof(input));
        int outputCount = ArrayLength.Of(outputLengths, $"{convention}: output", nameof(input));
        var x = new T[inputCount];
        input.FlattenTo(x);
        var gradient = new T[outputCount];
        outputGradient.FlattenTo(gradient);
        if (activation != Activation.Linear)
        {
            // The activation needs z and y = a(z): recompute the forward pass.
            var z = new T[gradient.Length];
            matMulKernel.Multiply(x, weight, z, rows, inFeatures, outFeatures, layout);
            parameters.AddBias(z);
            T[] y = (T[])z.Clone();
            ActivationFunctions.Apply(activation, y.AsSpan(), outFeatures);
            ActivationFunctions.Backward<T>(activation, z, y, gradient, outFeatures);
        }

        // dX = dY'·W reads W [out, in] as a [k×n] weight, and K [in, units] as an [n×k] one.
        var inputGradient = new T[x.Length];
        WeightLayout asRead = layout == WeightLayout.OutIn ? WeightLayout.InOut : WeightLayout.OutIn;
        matMulKernel.Multiply(gradient, weight, inputGradient, rows, outFeatures, inFeatures, asRead);

        // Xᵀ·dY' [in, out] is dK, and its transpose dW: only X is transposed, never the (often larger) dY'.
        var weightGradient = new T[weight.Length];
        matMulKernel.Multiply(RowMajor.Transpose(x, rows, inFeatures), gradient, weightGradient, inFeatures, rows, outFeatures, WeightLayout.InOut);
        if (layout == WeightLayout.OutIn)
        {
            weightGradient = RowMajor.Transpose(weightGradient, inFeatures, outFeatures);
        }

        Tensor<T>? biasGradient = null;
        if (bias is not null)
        {
            var sums = ArrayLength.Allocate<T>([outFeatures], $"{convention}: the bias gradient");
            for (int row = 0; row < rows; row++)
            {
                for (int j = 0; j < outFeatures; j++)
                {
                    sums[j] += gradient[(row * outFeatures) + j];
                }
            }

            biasGradient = Tensor.Create(sums, [outFeatures]);
        }

        nint[] weightShape = layout == WeightLayout.OutIn ? [outFeatures, inFeatures] : [inFeatures, outFeatures];
        return new LayerGradients<T>(Tensor.Create(inputGradient, input.Lengths), Tensor.Create(weightGradient, weightShape), biasGradient);
    }
}
