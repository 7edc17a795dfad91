using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Layers;

namespace DenseLinear.Specification;

/// <summary>
/// The layer specification: both conventions built on the kernel under test. Derive one sealed class and override
/// <see cref="Kernel"/>; override the factories too to test your own layer or conversion code.
/// </summary>
/// <typeparam name="T">The element type (float or double).</typeparam>
public abstract partial class LayerSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The kernel under test.</summary>
    protected abstract IMatMulKernel<T> Kernel { get; }

    /// <summary>
    /// Whether the kernel promises bitwise determinism: N-D input then equals its flattened form bitwise, and
    /// otherwise within twice the bound.
    /// </summary>
    protected virtual bool PromisesDeterminism => true;

    private string Subject => $"layers on kernel {Kernel.Name} ({typeof(T).Name})";

    /// <summary>Builds the PyTorch-convention layer, y = x·Wᵀ + b, from W [out, in] and b [out] or null.</summary>
    protected virtual IDenseLayer<T> CreatePyTorchLayer(Tensor<T> weight, Tensor<T>? bias) => new LinearLayer<T>(weight, bias, Kernel);

    /// <summary>Builds the Keras-convention layer, y = x·K + b (no activation), from K [in, units] and b [units] or null.</summary>
    protected virtual IDenseLayer<T> CreateKerasLayer(Tensor<T> kernel, Tensor<T>? bias) => new DenseLayer<T>(kernel, bias, Activation.Linear, Kernel);

    /// <summary>Converts PyTorch weights to Keras ones through the library: (W, b) → (K, b).</summary>
    protected virtual (Tensor<T> Kernel, Tensor<T>? Bias) ToKeras(Tensor<T> weight, Tensor<T>? bias)
    {
        DenseLayer<T> keras = WeightConversion.ToKeras(new LinearLayer<T>(weight, bias, Kernel));
        return (Copy(keras.Kernel), keras.UseBias ? Copy(keras.Bias) : null);
    }

    /// <summary>Converts Keras weights to PyTorch ones through the library: (K, b) → (W, b).</summary>
    protected virtual (Tensor<T> Weight, Tensor<T>? Bias) ToPyTorch(Tensor<T> kernel, Tensor<T>? bias)
    {
        LinearLayer<T> pyTorch = WeightConversion.ToPyTorch(new DenseLayer<T>(kernel, bias, Activation.Linear, Kernel));
        return (Copy(pyTorch.Weight), pyTorch.HasBias ? Copy(pyTorch.Bias) : null);
    }

    private static Tensor<T> Copy(in ReadOnlyTensorSpan<T> span)
    {
        var values = new T[(int)span.FlattenedLength];
        span.FlattenTo(values);
        return Tensor.Create(values, span.Lengths);
    }

    private static T[] Values(Tensor<T> tensor)
    {
        var values = new T[(int)tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }
}
