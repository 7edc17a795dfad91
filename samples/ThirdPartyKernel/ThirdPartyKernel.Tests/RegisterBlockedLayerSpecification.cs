using DenseLinear;
using DenseLinear.Specification;

namespace ThirdPartyKernel;

/// <summary>Runs the layer specification (families 13–17) on float layers built on <see cref="RegisterBlockedKernel{T}"/>.</summary>
public sealed class RegisterBlockedLayerSpecification : LayerSpecification<float>
{
    /// <inheritdoc />
    protected override IMatMulKernel<float> Kernel { get; } = new RegisterBlockedKernel<float>();
}
