using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Initialization;
using DenseLinear.Layers;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification.Fidelity;

/// <summary>
/// The framework-fidelity specification: default initializers, Keras activations, backward passes of both
/// conventions and layer composition, with the layers built on the kernel under test. Derive one sealed class and
/// override <see cref="KernelUnderTest{T}.Kernel"/>; override the factories too to test your own initializers, activations, backward
/// passes or composition. Each family lives in its own partial file.
/// </summary>
/// <typeparam name="T">The element type (float or double).</typeparam>
/// <example>
/// <code>
/// public sealed class MyKernelFidelity : FidelitySpecification&lt;float&gt;
/// {
///     protected override IMatMulKernel&lt;float&gt; Kernel { get; } = new MyKernel();
/// }
/// </code>
/// </example>
public abstract partial class FidelitySpecification<T> : LayersOnKernelSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private string Subject => $"fidelity on kernel {Kernel.Name} ({typeof(T).Name})";

    /// <summary><c>torch.nn.Linear(in, out, bias)</c> with PyTorch's default initialization, drawn from <paramref name="random"/>.</summary>
    protected virtual LinearLayer<T> CreateDefaultPyTorchLayer(int inFeatures, int outFeatures, bool bias, Random random) =>
        LinearLayer<T>.Create(inFeatures, outFeatures, bias, random, Kernel);

    /// <summary><c>keras.layers.Dense(units)</c> on input_dim with <paramref name="kernelInitializer"/> and Keras' zero bias.</summary>
    protected virtual DenseLayer<T> CreateDefaultKerasLayer(int inputDim, int units, bool useBias, WeightInitializer kernelInitializer, Random random) =>
        DenseLayer<T>.Create(inputDim, units, random, Activation.Linear, useBias, kernelInitializer, Kernel);

    /// <summary>Applies <paramref name="activation"/> in place to rows of <paramref name="rowLength"/> values.</summary>
    protected virtual void ApplyActivation(Activation activation, Span<T> values, int rowLength) =>
        ActivationFunctions.Apply(activation, values, rowLength);

    /// <summary>The PyTorch backward pass: dX, dW [out, in], db.</summary>
    protected virtual LayerGradients<T> PyTorchBackward(Tensor<T> weight, Tensor<T>? bias, Tensor<T> input, Tensor<T> outputGradient) =>
        new LinearLayer<T>(weight, bias, Kernel).Backward(input, outputGradient);

    /// <summary>The Keras backward pass through the activation: dX, dK [in, units], db.</summary>
    protected virtual LayerGradients<T> KerasBackward(Tensor<T> kernel, Tensor<T>? bias, Activation activation, Tensor<T> input, Tensor<T> outputGradient) =>
        new DenseLayer<T>(kernel, bias, activation, Kernel).Backward(input, outputGradient);

    /// <summary>The PyTorch layer equal to layer 2 after layer 1: (W₂·W₁, W₂·b₁ + b₂).</summary>
    protected virtual (Tensor<T> Weight, Tensor<T>? Bias) ComposePyTorch(Tensor<T> weight1, Tensor<T>? bias1, Tensor<T> weight2, Tensor<T>? bias2)
    {
        LinearLayer<T> composed = LayerComposition.Compose(new LinearLayer<T>(weight1, bias1, Kernel), new LinearLayer<T>(weight2, bias2, Kernel));
        return (Matrices.Copy(composed.Weight), composed.HasBias ? Matrices.Copy(composed.Bias) : null);
    }

    /// <summary>The Keras layer equal to layer 2 after layer 1: (K₁·K₂, b₁·K₂ + b₂).</summary>
    protected virtual (Tensor<T> Kernel, Tensor<T>? Bias) ComposeKeras(Tensor<T> kernel1, Tensor<T>? bias1, Tensor<T> kernel2, Tensor<T>? bias2)
    {
        DenseLayer<T> composed = LayerComposition.Compose(
            new DenseLayer<T>(kernel1, bias1, Activation.Linear, Kernel), new DenseLayer<T>(kernel2, bias2, Activation.Linear, Kernel));
        return (Matrices.Copy(composed.Kernel), composed.UseBias ? Matrices.Copy(composed.Bias) : null);
    }

    private static double[] Widen(ReadOnlySpan<T> values)
    {
        var wide = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            wide[i] = double.CreateChecked(values[i]);
        }

        return wide;
    }
}
