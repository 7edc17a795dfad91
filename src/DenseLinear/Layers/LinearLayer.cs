using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Initialization;
using DenseLinear.IO;
using DenseLinear.Kernels;

namespace DenseLinear.Layers;

/// <summary>
/// The PyTorch convention, <c>torch.nn.Linear</c>: <c>y = x·Wᵀ + b</c> with <c>weight</c> W [out, in] and an
/// optional <c>bias</c> b [out]. Input (*, in), including 1-D (in) and zero-size dimensions; output (*, out).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class LinearLayer<T> : IDenseLayer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AffineParameters<T> parameters;
    private readonly AffineMap<T> map;

    /// <summary>Builds the layer from copies of <paramref name="weight"/> [out, in] and <paramref name="bias"/> [out].</summary>
    /// <param name="weight">W, [out_features, in_features].</param>
    /// <param name="bias">b, [out_features], or <see langword="null"/> for <c>bias=False</c>.</param>
    /// <param name="matMulKernel">The matrix multiplication code; the registry's default when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A shape is not as stated; the message names it.</exception>
    public LinearLayer(Tensor<T> weight, Tensor<T>? bias = null, IMatMulKernel<T>? matMulKernel = null)
        : this(
            TensorShape.CopyMatrix(weight, nameof(weight), LayerConvention.PyTorch.Name),
            TensorShape.CopyBias(bias, (int)weight.Lengths[0], $"weight {TensorShape.Format(weight.Lengths)}", LayerConvention.PyTorch.Name),
            (int)weight.Lengths[0],
            (int)weight.Lengths[1],
            matMulKernel)
    {
    }

    // Takes the arrays it is given, which the caller has checked and will not touch again: the library's own
    // factories hand over fresh arrays instead of having them copied once more.
    private LinearLayer(T[]? weight, T[]? bias, int outFeatures, int inFeatures, IMatMulKernel<T>? matMulKernel, SixteenBitWeight? sixteenBit = null)
    {
        OutFeatures = outFeatures;
        InFeatures = inFeatures;
        MatMulKernel = matMulKernel ?? BuiltInKernels<T>.Default;
        parameters = new AffineParameters<T>(weight, bias, inFeatures, outFeatures, Activation.Linear, MatMulKernel, LayerConvention.PyTorch, sixteenBit);
        map = new AffineMap<T>(parameters);
    }

    /// <summary>
    /// A PyTorch layer y = x·Wᵀ + b whose weight W [out_features, in_features] stays in 16 bits as
    /// <paramref name="weight"/> stores it (<see cref="TensorDType.BFloat16"/> or <see cref="TensorDType.Float16"/>):
    /// forward passes run <see cref="PackedMixedPrecisionKernel{TWeight}"/> on the packed 16-bit weights (exact
    /// widening, float accumulation), the float layer's bits with the Packed kernel on the widened weights at half the
    /// weight bytes; <see cref="Weight"/> and the backward pass widen W exactly on first use. Only a float layer keeps
    /// 16-bit weights.
    /// </summary>
    /// <param name="weight">W [out_features, in_features] in bfloat16 or float16.</param>
    /// <param name="bias">b [out_features], in float32 or a 16-bit dtype (widened exactly), or null.</param>
    /// <param name="matMulKernel">The float kernel of the backward pass; the registry's default when null.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not float.</exception>
    /// <exception cref="ArgumentException">W is not a 16-bit matrix, or b does not fit it; the message names the shapes.</exception>
    public static LinearLayer<T> FromSixteenBit(StoredTensor weight, StoredTensor? bias = null, IMatMulKernel<T>? matMulKernel = null)
    {
        (int outFeatures, int inFeatures, T[]? biasValues) = SixteenBitWeights.Check<T>(weight, bias, nameof(weight), LayerConvention.PyTorch.Name, outputAxis: 0);
        var sixteenBit = new SixteenBitWeight(weight, inFeatures, outFeatures, WeightLayout.OutIn);
        return new LinearLayer<T>(null, biasValues, outFeatures, inFeatures, matMulKernel, sixteenBit);
    }

    /// <summary>The dtype the weight is kept in: T's, or bfloat16 / float16 for a layer from <see cref="FromSixteenBit"/>.</summary>
    public TensorDType WeightDType => parameters.SixteenBit?.DType ?? StoredTensor.DTypeOf<T>();

    /// <summary>
    /// <c>torch.nn.Linear(in_features, out_features, bias)</c> with its default initialization
    /// (<c>reset_parameters</c>): weight [out, in] then bias [out], both U(±1/√in) (bound 0 when in = 0), drawn in that
    /// order from <paramref name="random"/> by <see cref="WeightInitializer.KaimingUniformSqrt5"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    public static LinearLayer<T> Create(int inFeatures, int outFeatures, bool bias, Random random, IMatMulKernel<T>? matMulKernel = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        WeightInitializer initializer = WeightInitializer.KaimingUniformSqrt5;
        T[] weight = initializer.Values<T>(outFeatures, inFeatures, WeightLayout.OutIn, random);
        (int fanIn, int fanOut) = initializer.Fans(outFeatures, inFeatures, WeightLayout.OutIn);
        T[]? biasValues = bias ? initializer.VectorValues<T>(outFeatures, fanIn, fanOut, random) : null;
        return Own(weight, biasValues, outFeatures, inFeatures, matMulKernel);
    }

    /// <summary>A layer over fresh arrays that no one else holds: W [out, in] row-major and b [out].</summary>
    internal static LinearLayer<T> Own(T[] weight, T[]? bias, int outFeatures, int inFeatures, IMatMulKernel<T>? matMulKernel) =>
        new(weight, bias, outFeatures, inFeatures, matMulKernel);

    /// <summary>The same as <see cref="Create(int, int, bool, Random, IMatMulKernel{T})"/> with <c>new Random(seed)</c>.</summary>
    public static LinearLayer<T> Create(int inFeatures, int outFeatures, bool bias, int seed, IMatMulKernel<T>? matMulKernel = null) =>
        Create(inFeatures, outFeatures, bias, new Random(seed), matMulKernel);

    /// <inheritdoc />
    public int InFeatures { get; }

    /// <inheritdoc />
    public int OutFeatures { get; }

    /// <summary>The matrix multiplication code the layer multiplies with (the same name as on <see cref="DenseLayer{T}"/>).</summary>
    public IMatMulKernel<T> MatMulKernel { get; }

    /// <summary>W, [out_features, in_features].</summary>
    public ReadOnlyTensorSpan<T> Weight => new(parameters.Weight, [OutFeatures, InFeatures]);

    /// <summary>Whether the layer has a bias (<c>bias=True</c>).</summary>
    public bool HasBias => parameters.Bias is not null;

    /// <summary>b, [out_features]; empty when <see cref="HasBias"/> is false.</summary>
    public ReadOnlyTensorSpan<T> Bias => parameters.Bias is null ? ReadOnlyTensorSpan<T>.Empty : new(parameters.Bias);

    /// <inheritdoc />
    public Tensor<T> Forward(in ReadOnlyTensorSpan<T> input) => map.Forward(input);

    /// <inheritdoc />
    public void Forward(in ReadOnlyTensorSpan<T> input, in TensorSpan<T> destination) => map.Forward(input, destination);

    /// <summary>
    /// The backward pass for the loss gradient <paramref name="outputGradient"/> (*, out) at <paramref name="input"/>
    /// (*, in): dX = dY·W (*, in), dW = dYᵀ·X [out, in], db = Σ of dY over every leading dimension [out].
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit the layer; the message names them.</exception>
    public LayerGradients<T> Backward(in ReadOnlyTensorSpan<T> input, in ReadOnlyTensorSpan<T> outputGradient) =>
        Backpropagation.Backward(input, outputGradient, parameters);
}
