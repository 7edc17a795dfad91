using DenseLinear.Kernels;
using DenseLinear.Properties.Harness;
using DenseLinear.Specification;
using DenseLinear.Specification.Fidelity;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The whole specification on <see cref="PackedKernel{T}"/>.</summary>
public static class PackedKernelSuite
{
    public sealed class Float : DigestedKernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => PackedKernel<float>.Instance;
    }

    public sealed class Double : DigestedKernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => PackedKernel<double>.Instance;
    }

    public sealed class FloatLayers : LayerSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => PackedKernel<float>.Instance;
    }

    public sealed class DoubleLayers : LayerSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => PackedKernel<double>.Instance;
    }

    public sealed class FloatFidelity : FidelitySpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => PackedKernel<float>.Instance;
    }

    public sealed class DoubleFidelity : FidelitySpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => PackedKernel<double>.Instance;
    }
}
