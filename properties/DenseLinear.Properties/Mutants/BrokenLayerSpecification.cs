using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Kernels;
using DenseLinear.Layers;
using DenseLinear.Specification;
using DenseLinear.Specification.Support;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// The layer specification with one <see cref="LayerDefect"/> built into its factories. Internal, so xunit does not
/// run it as a suite; the mutant tests run its families and expect each to fail.
/// </summary>
internal sealed class BrokenLayerSpecification<T>(LayerDefect defect) : LayerSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override IMatMulKernel<T> Kernel => NaiveKernel<T>.Instance;

    protected override IDenseLayer<T> CreatePyTorchLayer(Tensor<T> weight, Tensor<T>? bias) =>
        new BrokenLayer<T>(weight, bias, Kernel, defect);

    protected override IDenseLayer<T> CreateKerasLayer(Tensor<T> kernel, Tensor<T>? bias, Activation activation) => defect switch
    {
        LayerDefect.KerasKernelNotTransposed => new LinearLayer<T>(Reshaped(kernel), bias, Kernel),
        LayerDefect.ConversionReshapesInsteadOfTransposing => base.CreateKerasLayer(kernel, bias, activation),
        _ => new BrokenLayer<T>(WeightConversion.Transpose<T>(kernel), bias, Kernel, defect),
    };

    protected override (Tensor<T> Kernel, Tensor<T>? Bias) ToKeras(Tensor<T> weight, Tensor<T>? bias) =>
        defect == LayerDefect.ConversionReshapesInsteadOfTransposing ? (Reshaped(weight), bias) : base.ToKeras(weight, bias);

    protected override (Tensor<T> Weight, Tensor<T>? Bias) ToPyTorch(Tensor<T> kernel, Tensor<T>? bias) =>
        defect == LayerDefect.ConversionReshapesInsteadOfTransposing ? (Reshaped(kernel), bias) : base.ToPyTorch(kernel, bias);

    // The same values with the two dimensions swapped: the shape of a transpose without its permutation.
    private static Tensor<T> Reshaped(Tensor<T> matrix) =>
        Tensor.Create(Matrices.Values(matrix), [matrix.Lengths[1], matrix.Lengths[0]]);
}
