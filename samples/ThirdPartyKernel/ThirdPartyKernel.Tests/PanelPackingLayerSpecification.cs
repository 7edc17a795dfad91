using DenseLinear;
using DenseLinear.Specification;

namespace ThirdPartyKernel;

/// <summary>Runs the layer specification on <see cref="PanelPackingKernel{T}"/> in float: the layers pack its weights once.</summary>
public sealed class PanelPackingLayerSpecification : LayerSpecification<float>
{
    /// <inheritdoc />
    protected override IMatMulKernel<float> Kernel { get; } = new PanelPackingKernel<float>();
}
