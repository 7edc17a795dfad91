using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Layers;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification;

/// <summary>
/// The layer specification: both conventions built on the kernel under test. Derive one sealed class and override
/// <see cref="KernelUnderTest{T}.Kernel"/>; override the factories too to test your own layer or conversion code.
/// </summary>
/// <typeparam name="T">The element type (float or double).</typeparam>
public abstract partial class LayerSpecification<T> : LayersOnKernelSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private string Subject => $"layers on kernel {Kernel.Name} ({typeof(T).Name})";

    /// <summary>Converts PyTorch weights to Keras ones through the library: (W, b) → (K, b).</summary>
    protected virtual (Tensor<T> Kernel, Tensor<T>? Bias) ToKeras(Tensor<T> weight, Tensor<T>? bias)
    {
        DenseLayer<T> keras = WeightConversion.ToKeras(new LinearLayer<T>(weight, bias, Kernel));
        return (Matrices.Copy(keras.Kernel), keras.UseBias ? Matrices.Copy(keras.Bias) : null);
    }

    /// <summary>Converts Keras weights to PyTorch ones through the library: (K, b) → (W, b).</summary>
    protected virtual (Tensor<T> Weight, Tensor<T>? Bias) ToPyTorch(Tensor<T> kernel, Tensor<T>? bias)
    {
        LinearLayer<T> pyTorch = WeightConversion.ToPyTorch(new DenseLayer<T>(kernel, bias, Activation.Linear, Kernel));
        return (Matrices.Copy(pyTorch.Weight), pyTorch.HasBias ? Matrices.Copy(pyTorch.Bias) : null);
    }
}
