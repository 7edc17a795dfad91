using System.Numerics;

namespace DenseLinear.Layers;

/// <summary>
/// The Linear modules of a PyTorch <c>nn.Sequential</c> MLP, in order, and the equivalent Keras Dense layers.
/// </summary>
/// <param name="ModuleIndices">Each layer's index in the Sequential (<c>0</c>, <c>2</c>, … when ReLUs sit between).</param>
/// <param name="Linear">The PyTorch-convention layers, weight [out, in].</param>
/// <param name="DenseNames">Keras' default names for the Dense layers: <c>dense</c>, <c>dense_1</c>, ….</param>
/// <param name="Dense">The same layers in Keras' convention (kernel = weightᵀ), the hidden activation on all but the last.</param>
public sealed record SequentialLayers<T>(
    IReadOnlyList<int> ModuleIndices,
    IReadOnlyList<LinearLayer<T>> Linear,
    IReadOnlyList<string> DenseNames,
    IReadOnlyList<DenseLayer<T>> Dense)
    where T : unmanaged, IFloatingPointIeee754<T>;
