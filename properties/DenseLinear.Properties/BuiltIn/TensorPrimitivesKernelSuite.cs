using DenseLinear.Specification;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The whole specification on <see cref="TensorPrimitivesKernel{T}"/>.</summary>
public static class TensorPrimitivesKernelSuite
{
    public sealed class Float : KernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => TensorPrimitivesKernel<float>.Instance;
    }

    public sealed class Double : KernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => TensorPrimitivesKernel<double>.Instance;
    }

    public sealed class FloatLayers : LayerSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => TensorPrimitivesKernel<float>.Instance;
    }

    public sealed class DoubleLayers : LayerSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => TensorPrimitivesKernel<double>.Instance;
    }

    public sealed class FloatFidelity : FidelitySpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => TensorPrimitivesKernel<float>.Instance;
    }

    public sealed class DoubleFidelity : FidelitySpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => TensorPrimitivesKernel<double>.Instance;
    }
}
