using System.Numerics;

namespace DenseLinear.Layers;

/// <summary>
/// A layer's parameters as the shared passes read them: the weight in <see cref="LayerConvention.Layout"/>, the bias
/// [out] or none, the widths, the activation and the matrix multiplication code. The arrays are the layer's own,
/// never written after construction.
/// </summary>
internal sealed record AffineParameters<T>(
    T[] Weight, T[]? Bias, int InFeatures, int OutFeatures, Activation Activation, IMatMulKernel<T> MatMulKernel, LayerConvention Convention)
    where T : unmanaged, IFloatingPointIeee754<T>;
