using DenseLinear.Kernels;
using DenseLinear.Properties.Harness;
using DenseLinear.Specification;
using DenseLinear.Specification.Fidelity;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The whole specification on <see cref="NaiveKernel{T}"/>, the oracle.</summary>
public static class NaiveKernelSuite
{
    public sealed class Float : DigestedKernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => NaiveKernel<float>.Instance;
    }

    public sealed class Double : DigestedKernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => NaiveKernel<double>.Instance;
    }

    public sealed class FloatLayers : LayerSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => NaiveKernel<float>.Instance;
    }

    public sealed class DoubleLayers : LayerSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => NaiveKernel<double>.Instance;
    }

    public sealed class FloatFidelity : FidelitySpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => NaiveKernel<float>.Instance;
    }

    public sealed class DoubleFidelity : FidelitySpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => NaiveKernel<double>.Instance;
    }
}
