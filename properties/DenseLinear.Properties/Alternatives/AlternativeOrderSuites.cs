using DenseLinear.Properties.Harness;
using DenseLinear.Specification;
using DenseLinear.Specification.Fidelity;

namespace DenseLinear.Properties.Alternatives;

/// <summary>The whole specification on the correct kernels with other summation orders: all must pass.</summary>
public static class AlternativeOrderSuites
{
    public sealed class ReversedFloat : DigestedKernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel { get; } = new ReversedKernel<float>();
    }

    public sealed class ReversedDouble : DigestedKernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel { get; } = new ReversedKernel<double>();
    }

    public sealed class PairwiseFmaFloat : DigestedKernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel { get; } = new PairwiseFmaKernel<float>();
    }

    public sealed class PairwiseFmaDouble : DigestedKernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel { get; } = new PairwiseFmaKernel<double>();
    }

    public sealed class PairwiseFmaFloatLayers : LayerSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel { get; } = new PairwiseFmaKernel<float>();
    }

    public sealed class PairwiseFmaFloatFidelity : FidelitySpecification<float>
    {
        protected override IMatMulKernel<float> Kernel { get; } = new PairwiseFmaKernel<float>();
    }

    public sealed class ReversedDoubleFidelity : FidelitySpecification<double>
    {
        protected override IMatMulKernel<double> Kernel { get; } = new ReversedKernel<double>();
    }
}
