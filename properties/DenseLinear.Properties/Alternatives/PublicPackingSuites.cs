using DenseLinear.Properties.Harness;
using DenseLinear.Specification;

namespace DenseLinear.Properties.Alternatives;

/// <summary>The whole specification on <see cref="PublicPackingKernel{T}"/>: a packing kernel from outside the library passes.</summary>
public static class PublicPackingSuites
{
    public sealed class PublicPackingFloat : DigestedKernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel { get; } = new PublicPackingKernel<float>();
    }

    public sealed class PublicPackingDouble : DigestedKernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel { get; } = new PublicPackingKernel<double>();
    }

    public sealed class PublicPackingFloatLayers : LayerSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel { get; } = new PublicPackingKernel<float>();
    }
}
