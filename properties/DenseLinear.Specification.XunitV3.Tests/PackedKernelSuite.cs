using DenseLinear.Kernels;
using DenseLinear.Specification.Fidelity;

namespace DenseLinear.Specification.XunitV3.Tests;

/// <summary>
/// The specification's xunit v3 build on <see cref="PackedKernel{T}"/>: the same classes and members as the xunit 2
/// package, and the same recorded digests as DenseLinear.Properties.
/// </summary>
public static class PackedKernelSuite
{
    public sealed class Float : KernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => PackedKernel<float>.Instance;

        protected override string? RecordedDigests => "output-digests.txt";

        protected override bool PromisesSameBitsOnEveryInstructionSet(WeightLayout layout) => true;
    }

    public sealed class Double : KernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => PackedKernel<double>.Instance;

        protected override string? RecordedDigests => "output-digests.txt";

        protected override bool PromisesSameBitsOnEveryInstructionSet(WeightLayout layout) => true;
    }

    public sealed class FloatLayers : LayerSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => PackedKernel<float>.Instance;
    }

    public sealed class FloatFidelity : FidelitySpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => PackedKernel<float>.Instance;
    }
}
