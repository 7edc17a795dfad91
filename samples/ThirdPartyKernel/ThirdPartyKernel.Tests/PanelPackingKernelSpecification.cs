using DenseLinear;
using DenseLinear.Specification;

namespace ThirdPartyKernel;

/// <summary>Runs the kernel specification, the packed-weights family included, on <see cref="PanelPackingKernel{T}"/> in float.</summary>
public sealed class PanelPackingKernelSpecification : KernelSpecification<float>
{
    /// <inheritdoc />
    protected override IMatMulKernel<float> Kernel { get; } = new PanelPackingKernel<float>();
}
