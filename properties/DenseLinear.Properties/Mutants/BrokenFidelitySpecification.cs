using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Initialization;
using DenseLinear.Kernels;
using DenseLinear.Layers;
using DenseLinear.Specification.Fidelity;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// The fidelity specification with one <see cref="FidelityDefect"/> built into its factories. Internal, so xunit does
/// not run it as a suite; the mutant tests run its families and expect each to fail.
/// </summary>
internal sealed class BrokenFidelitySpecification<T>(FidelityDefect defect) : FidelitySpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override IMatMulKernel<T> Kernel => NaiveKernel<T>.Instance;

    protected override LinearLayer<T> CreateDefaultPyTorchLayer(int inFeatures, int outFeatures, bool bias, Random random)
    {
        WeightInitializer? initializer = defect switch
        {
            FidelityDefect.SwappedFans => new SwappedFansInitializer(WeightInitializer.KaimingUniformSqrt5),
            FidelityDefect.WrongBound => new WrongBoundInitializer(),
            _ => null,
        };
        if (initializer is null)
        {
            return base.CreateDefaultPyTorchLayer(inFeatures, outFeatures, bias, random);
        }

        // reset_parameters' order: the weight, then the bias with the weight's fans.
        Tensor<T> weight = initializer.Create<T>(outFeatures, inFeatures, WeightLayout.OutIn, random);
        (int fanIn, int fanOut) = initializer.Fans(outFeatures, inFeatures, WeightLayout.OutIn);
        return new LinearLayer<T>(weight, bias ? initializer.CreateVector<T>(outFeatures, fanIn, fanOut, random) : null, Kernel);
    }

    protected override DenseLayer<T> CreateDefaultKerasLayer(int inputDim, int units, bool useBias, WeightInitializer kernelInitializer, Random random) =>
        base.CreateDefaultKerasLayer(inputDim, units, useBias, defect == FidelityDefect.SwappedFans ? new SwappedFansInitializer(kernelInitializer) : kernelInitializer, random);

    protected override void ApplyActivation(Activation activation, Span<T> values, int rowLength)
    {
        if (defect == FidelityDefect.SigmoidViaTanh && activation == Activation.Sigmoid)
        {
            SigmoidViaTanhActivation.Apply(values);
        }
        else if (defect == FidelityDefect.UnshiftedSoftmax && activation == Activation.Softmax)
        {
            UnshiftedSoftmaxActivation.Apply(values, rowLength);
        }
        else
        {
            base.ApplyActivation(activation, values, rowLength);
        }
    }

    protected override LayerGradients<T> PyTorchBackward(Tensor<T> weight, Tensor<T>? bias, Tensor<T> input, Tensor<T> outputGradient) => defect switch
    {
        FidelityDefect.WrongTransposeBackward => WrongTransposeBackward.Backward(weight, bias, input, outputGradient, Kernel),
        FidelityDefect.DroppedLeadingDimension => DroppedLeadingDimensionBackward.Backward(weight, bias, input, outputGradient, Kernel),
        _ => base.PyTorchBackward(weight, bias, input, outputGradient),
    };

    protected override (Tensor<T> Weight, Tensor<T>? Bias) ComposePyTorch(Tensor<T> weight1, Tensor<T>? bias1, Tensor<T> weight2, Tensor<T>? bias2) =>
        defect == FidelityDefect.WrongCompositionOrder
            ? WrongOrderComposition.Compose(weight1, bias1, weight2, bias2, Kernel)
            : base.ComposePyTorch(weight1, bias1, weight2, bias2);
}
