using DenseLinear.Kernels;
using DenseLinear.Properties.Harness;
using DenseLinear.Specification;
using DenseLinear.Specification.Fidelity;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The whole specification on <see cref="ParallelKernel{T}"/>.</summary>
public static class ParallelKernelSuite
{
    public sealed class Float : DigestedKernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => ParallelKernel<float>.Instance;
    }

    public sealed class Double : DigestedKernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => ParallelKernel<double>.Instance;
    }

    public sealed class FloatLayers : LayerSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => ParallelKernel<float>.Instance;
    }

    public sealed class DoubleLayers : LayerSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => ParallelKernel<double>.Instance;
    }

    public sealed class FloatFidelity : FidelitySpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => ParallelKernel<float>.Instance;
    }

    public sealed class DoubleFidelity : FidelitySpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => ParallelKernel<double>.Instance;
    }
}
