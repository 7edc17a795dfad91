using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Layers;

namespace DenseLinear.Specification;

/// <summary>
/// What <see cref="LayerSpecification{T}"/> and <see cref="Fidelity.FidelitySpecification{T}"/> share beyond the
/// <see cref="KernelUnderTest{T}"/>: the two layers built on it. Override the factories to test your own layer code.
/// </summary>
/// <typeparam name="T">The element type (float or double).</typeparam>
public abstract class LayersOnKernelSpecification<T> : KernelUnderTest<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The PyTorch-convention layer y = x·Wᵀ + b, from W [out, in] and b [out] or null.</summary>
    protected virtual IDenseLayer<T> CreatePyTorchLayer(Tensor<T> weight, Tensor<T>? bias) => new LinearLayer<T>(weight, bias, Kernel);

    /// <summary>The Keras-convention layer y = activation(x·K + b), from K [in, units] and b [units] or null.</summary>
    protected virtual IDenseLayer<T> CreateKerasLayer(Tensor<T> kernel, Tensor<T>? bias, Activation activation) =>
        new DenseLayer<T>(kernel, bias, activation, Kernel);
}
