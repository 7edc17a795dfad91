using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear.Layers;

/// <summary>The gradients a backward pass returns, each shaped like what it is the gradient of.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="InputGradient">dX, the shape of the input (*, in).</param>
/// <param name="WeightGradient">dW [out, in] for PyTorch, dK [in, units] for Keras: the layer's own layout.</param>
/// <param name="BiasGradient">db [out], Σ of dY' over every leading dimension; null when the layer has no bias.</param>
public sealed record LayerGradients<T>(Tensor<T> InputGradient, Tensor<T> WeightGradient, Tensor<T>? BiasGradient)
    where T : unmanaged, IFloatingPointIeee754<T>;
