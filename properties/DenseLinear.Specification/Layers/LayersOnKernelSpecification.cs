using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Layers;

namespace DenseLinear.Specification;

/// <summary>
/// What <see cref="LayerSpecification{T}"/> and <see cref="Fidelity.FidelitySpecification{T}"/> share: the kernel under
/// test, its determinism promise and the two layers built on it. Override the factories to test your own layer code.
/// </summary>
/// <typeparam name="T">The element type (float or double).</typeparam>
public abstract class LayersOnKernelSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The kernel under test.</summary>
    protected abstract IMatMulKernel<T> Kernel { get; }

    /// <summary>
    /// Whether the kernel promises bitwise determinism: results that must agree (N-D input and its flattened form,
    /// one layer and its composition's parts) are then compared bitwise, and otherwise within the error bound.
    /// </summary>
    protected virtual bool PromisesDeterminism => true;

    /// <summary>The PyTorch-convention layer y = x·Wᵀ + b, from W [out, in] and b [out] or null.</summary>
    protected virtual IDenseLayer<T> CreatePyTorchLayer(Tensor<T> weight, Tensor<T>? bias) => new LinearLayer<T>(weight, bias, Kernel);

    /// <summary>The Keras-convention layer y = activation(x·K + b), from K [in, units] and b [units] or null.</summary>
    protected virtual IDenseLayer<T> CreateKerasLayer(Tensor<T> kernel, Tensor<T>? bias, Activation activation) =>
        new DenseLayer<T>(kernel, bias, activation, Kernel);
}
