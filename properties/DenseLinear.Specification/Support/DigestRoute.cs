using DenseLinear.Kernels;
using DenseLinear.Layers;

namespace DenseLinear.Specification.Support;

/// <summary>The way a digested product reaches the kernel.</summary>
public enum DigestRoute
{
    /// <summary><see cref="IMatMulKernel{T}.Multiply"/> on unpacked weights.</summary>
    Multiply,

    /// <summary><see cref="IWeightPackingKernel{T}.Pack"/> once, then the packed call (packing kernels only).</summary>
    PackedWeights,

    /// <summary>
    /// A layer on the kernel, with a bias: <see cref="LinearLayer{T}"/> for <see cref="WeightLayout.OutIn"/>,
    /// <see cref="DenseLayer{T}"/> (linear activation) for <see cref="WeightLayout.InOut"/>.
    /// </summary>
    Layer,
}
