using DenseLinear;
using DenseLinear.Specification;

namespace ThirdPartyKernel;

/// <summary>Runs the layer specification (families 13–17) on double layers built on <see cref="RegisterBlockedKernel{T}"/>.</summary>
public sealed class RegisterBlockedLayerDoubleSpecification : LayerSpecification<double>
{
    /// <inheritdoc />
    protected override IMatMulKernel<double> Kernel { get; } = new RegisterBlockedKernel<double>();
}
