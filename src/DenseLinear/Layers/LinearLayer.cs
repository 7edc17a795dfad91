using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear;

/// <summary>
/// The PyTorch convention, <c>torch.nn.Linear</c>: <c>y = x·Wᵀ + b</c> with <c>weight</c> W [out, in] and an
/// optional <c>bias</c> b [out]. Input (*, in), including 1-D (in) and zero-size dimensions; output (*, out).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class LinearLayer<T> : IDenseLayer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const string Convention = "PyTorch Linear";
    private readonly T[] weight;
    private readonly T[]? bias;
    private readonly AffineMap<T> map;

    /// <summary>Builds the layer from copies of <paramref name="weight"/> [out, in] and <paramref name="bias"/> [out].</summary>
    /// <param name="weight">W, [out_features, in_features].</param>
    /// <param name="bias">b, [out_features], or <see langword="null"/> for <c>bias=False</c>.</param>
    /// <param name="kernel">The matrix kernel; the registry's default when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A shape is not as stated; the message names it.</exception>
    public LinearLayer(Tensor<T> weight, Tensor<T>? bias = null, IMatMulKernel<T>? kernel = null)
    {
        this.weight = TensorShape.CopyMatrix(weight, nameof(weight), Convention);
        OutFeatures = (int)weight.Lengths[0];
        InFeatures = (int)weight.Lengths[1];
        this.bias = TensorShape.CopyBias(bias, OutFeatures, $"weight [{OutFeatures}, {InFeatures}]", Convention);
        Kernel = kernel ?? BuiltInKernels<T>.Default;
        map = new AffineMap<T>(this.weight, this.bias, InFeatures, OutFeatures, WeightLayout.OutIn, Activation.Linear, Kernel, 1, Convention);
    }

    /// <inheritdoc />
    public int InFeatures { get; }

    /// <inheritdoc />
    public int OutFeatures { get; }

    /// <summary>The matrix kernel the layer multiplies with.</summary>
    public IMatMulKernel<T> Kernel { get; }

    /// <summary>W, [out_features, in_features].</summary>
    public ReadOnlyTensorSpan<T> Weight => new(weight, [OutFeatures, InFeatures]);

    /// <summary>Whether the layer has a bias (<c>bias=True</c>).</summary>
    public bool HasBias => bias is not null;

    /// <summary>b, [out_features]; empty when <see cref="HasBias"/> is false.</summary>
    public ReadOnlyTensorSpan<T> Bias => bias is null ? ReadOnlyTensorSpan<T>.Empty : new(bias);

    /// <inheritdoc />
    public Tensor<T> Forward(in ReadOnlyTensorSpan<T> input) => map.Forward(input);

    /// <inheritdoc />
    public void Forward(in ReadOnlyTensorSpan<T> input, in TensorSpan<T> destination) => map.Forward(input, destination);
}
