using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Benchmarks.Suites;
using DenseLinear.Layers;

namespace DenseLinear.Benchmarks.Rows;

/// <summary>
/// The layer a user would build, weights handed over once: PyTorch <see cref="LinearLayer{T}"/> for OutIn and
/// Keras <see cref="DenseLayer{T}"/> for InOut, no bias, default kernel. What the layer prepares in its
/// constructor (the packed weight panels) stays out of the timed <see cref="Run"/>, which calls the destination
/// overload of Forward: the compute of a forward pass, without the allocation of a fresh output tensor.
/// </summary>
public sealed class LayerRow<T> : IBenchmarkRow
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IDenseLayer<T> layer;
    private readonly Tensor<T> input;
    private readonly Tensor<T> output;

    public LayerRow(MatMulData<T> data)
    {
        MatMulShape s = data.Shape;
        input = Tensor.Create(data.X, [s.M, s.K]);
        layer = data.Layout == WeightLayout.OutIn
            ? new LinearLayer<T>(Tensor.Create(data.W, [s.N, s.K]))
            : new DenseLayer<T>(Tensor.Create(data.W, [s.K, s.N]));
        output = Tensor.Create(data.Y, [s.M, s.N]);
    }

    public object Run()
    {
        layer.Forward(input.AsReadOnlyTensorSpan(), output.AsTensorSpan());
        return output;
    }
}
