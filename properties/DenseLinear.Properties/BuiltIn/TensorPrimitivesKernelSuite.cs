using DenseLinear.Kernels;
using DenseLinear.Properties.Harness;
using DenseLinear.Specification;
using DenseLinear.Specification.Fidelity;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The whole specification on <see cref="TensorPrimitivesKernel{T}"/>.</summary>
public static class TensorPrimitivesKernelSuite
{
    public sealed class Float : DigestedKernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => TensorPrimitivesKernel<float>.Instance;

        // TensorPrimitives.Dot (x·Wᵀ) sums in vector lanes, so its bits change with the vector width.
        protected override bool PromisesSameBitsOnEveryInstructionSet(WeightLayout layout) => layout == WeightLayout.InOut;
    }

    public sealed class Double : DigestedKernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => TensorPrimitivesKernel<double>.Instance;

        // TensorPrimitives.Dot (x·Wᵀ) sums in vector lanes, so its bits change with the vector width.
        protected override bool PromisesSameBitsOnEveryInstructionSet(WeightLayout layout) => layout == WeightLayout.InOut;
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
