using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Initialization;
using DenseLinear.IO;
using DenseLinear.Kernels;

namespace DenseLinear.Layers;

/// <summary>
/// The Keras convention, <c>keras.layers.Dense</c>: <c>y = activation(x·K + b)</c> with <c>kernel</c> K
/// [in, units] and, when <c>use_bias</c>, <c>bias</c> b [units]. Input rank ≥ 2, (*, in); output (*, units).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class DenseLayer<T> : IDenseLayer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AffineParameters<T> parameters;
    private readonly AffineMap<T> map;

    /// <summary>Builds the layer from copies of <paramref name="kernel"/> [in, units] and <paramref name="bias"/> [units].</summary>
    /// <param name="kernel">K, [input_dim, units].</param>
    /// <param name="bias">b, [units], or <see langword="null"/> for <c>use_bias=False</c>.</param>
    /// <param name="activation">The activation applied last.</param>
    /// <param name="matMulKernel">The matrix multiplication the layer runs on; the registry's default when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A shape is not as stated; the message names it.</exception>
    public DenseLayer(Tensor<T> kernel, Tensor<T>? bias = null, Activation activation = Activation.Linear, IMatMulKernel<T>? matMulKernel = null)
        : this(
            TensorShape.CopyMatrix(kernel, nameof(kernel), LayerConvention.Keras.Name),
            TensorShape.CopyBias(bias, (int)kernel.Lengths[1], $"kernel {TensorShape.Format(kernel.Lengths)}", LayerConvention.Keras.Name),
            (int)kernel.Lengths[0],
            (int)kernel.Lengths[1],
            activation,
            matMulKernel)
    {
    }

    // Takes the arrays it is given, which the caller has checked and will not touch again: the library's own
    // factories hand over fresh arrays instead of having them copied once more.
    private DenseLayer(T[]? kernel, T[]? bias, int inFeatures, int outFeatures, Activation activation, IMatMulKernel<T>? matMulKernel, SixteenBitWeight? sixteenBit = null)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Undefined activation.");
        }

        Activation = activation;
        MatMulKernel = matMulKernel ?? BuiltInKernels<T>.Default;
        parameters = new AffineParameters<T>(kernel, bias, inFeatures, outFeatures, activation, MatMulKernel, LayerConvention.Keras, sixteenBit);
        map = new AffineMap<T>(parameters);
    }

    /// <summary>
    /// A Keras layer y = activation(x·K + b) whose kernel K [input_dim, units] stays in 16 bits as
    /// <paramref name="kernel"/> stores it (<see cref="TensorDType.BFloat16"/> or <see cref="TensorDType.Float16"/>):
    /// forward passes run <see cref="PackedMixedPrecisionKernel{TWeight}"/> on the packed 16-bit weights (exact
    /// widening, float accumulation); <see cref="Kernel"/> and the backward pass widen K exactly on first use. Only a
    /// float layer keeps 16-bit weights.
    /// </summary>
    /// <param name="kernel">K [input_dim, units] in bfloat16 or float16.</param>
    /// <param name="bias">b [units], in float32 or a 16-bit dtype (widened exactly), or null.</param>
    /// <param name="activation">The activation after the bias.</param>
    /// <param name="matMulKernel">The float kernel of the backward pass; the registry's default when null.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not float.</exception>
    /// <exception cref="ArgumentException">K is not a 16-bit matrix, or b does not fit it; the message names the shapes.</exception>
    public static DenseLayer<T> FromSixteenBit(StoredTensor kernel, StoredTensor? bias = null, Activation activation = Activation.Linear, IMatMulKernel<T>? matMulKernel = null)
    {
        (int inFeatures, int units, T[]? biasValues) = SixteenBitWeights.Check<T>(kernel, bias, nameof(kernel), LayerConvention.Keras.Name, outputAxis: 1);
        var sixteenBit = new SixteenBitWeight(kernel, inFeatures, units, WeightLayout.InOut);
        return new DenseLayer<T>(null, biasValues, inFeatures, units, activation, matMulKernel, sixteenBit);
    }

    /// <summary>The dtype the kernel is kept in: T's, or bfloat16 / float16 for a layer from <see cref="FromSixteenBit"/>.</summary>
    public TensorDType WeightDType => parameters.SixteenBit?.DType ?? StoredTensor.DTypeOf<T>();

    /// <summary>
    /// <c>keras.layers.Dense(units, activation, use_bias, kernel_initializer)</c> built on input_dim: kernel
    /// [in, units] drawn from <paramref name="random"/> by <paramref name="kernelInitializer"/>
    /// (<see cref="WeightInitializer.GlorotUniform"/> when null, Keras' default), fans from the [in, units] axes; bias
    /// zeros (Keras' default <c>bias_initializer</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative or the activation undefined.</exception>
    public static DenseLayer<T> Create(
        int inputDim, int units, Random random, Activation activation = Activation.Linear, bool useBias = true,
        WeightInitializer? kernelInitializer = null, IMatMulKernel<T>? matMulKernel = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        T[] kernel = (kernelInitializer ?? WeightInitializer.GlorotUniform).Values<T>(inputDim, units, WeightLayout.InOut, random);
        T[]? bias = useBias ? ArrayLength.Allocate<T>([units], "Keras Dense: bias", nameof(units)) : null;
        return Own(kernel, bias, inputDim, units, activation, matMulKernel);
    }

    /// <summary>A layer over fresh arrays that no one else holds: K [in, units] row-major and b [units].</summary>
    internal static DenseLayer<T> Own(T[] kernel, T[]? bias, int inFeatures, int units, Activation activation, IMatMulKernel<T>? matMulKernel) =>
        new(kernel, bias, inFeatures, units, activation, matMulKernel);

    /// <summary>The same as <see cref="Create(int, int, Random, Activation, bool, WeightInitializer, IMatMulKernel{T})"/> with <c>new Random(seed)</c>.</summary>
    public static DenseLayer<T> Create(
        int inputDim, int units, int seed, Activation activation = Activation.Linear, bool useBias = true,
        WeightInitializer? kernelInitializer = null, IMatMulKernel<T>? matMulKernel = null) =>
        Create(inputDim, units, new Random(seed), activation, useBias, kernelInitializer, matMulKernel);

    /// <inheritdoc />
    public int InFeatures { get; }

    /// <inheritdoc />
    public int OutFeatures { get; }

    /// <summary>Keras <c>units</c>, the same as <see cref="OutFeatures"/>.</summary>
    public int Units => OutFeatures;

    /// <summary>The activation applied after the affine map.</summary>
    public Activation Activation { get; }

    /// <summary>The matrix multiplication code the layer multiplies with; <see cref="Kernel"/> is the weight K, as in Keras.</summary>
    public IMatMulKernel<T> MatMulKernel { get; }

    /// <summary>K, [input_dim, units].</summary>
    public ReadOnlyTensorSpan<T> Kernel => new(parameters.Weight, [InFeatures, OutFeatures]);

    /// <summary>Whether the layer has a bias (<c>use_bias=True</c>).</summary>
    public bool UseBias => parameters.Bias is not null;

    /// <summary>b, [units]; empty when <see cref="UseBias"/> is false.</summary>
    public ReadOnlyTensorSpan<T> Bias => parameters.Bias is null ? ReadOnlyTensorSpan<T>.Empty : new(parameters.Bias);

    /// <inheritdoc />
    public Tensor<T> Forward(in ReadOnlyTensorSpan<T> input) => map.Forward(input);

    /// <inheritdoc />
    public void Forward(in ReadOnlyTensorSpan<T> input, in TensorSpan<T> destination) => map.Forward(input, destination);

    /// <summary>
    /// The backward pass for the loss gradient <paramref name="outputGradient"/> (*, units) at <paramref name="input"/>
    /// (*, in), through the activation: with dY' = J(z)ᵀ·dY, dX = dY'·Kᵀ (*, in), dK = Xᵀ·dY' [in, units], db = Σ of
    /// dY' over every leading dimension [units].
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit the layer; the message names them.</exception>
    public LayerGradients<T> Backward(in ReadOnlyTensorSpan<T> input, in ReadOnlyTensorSpan<T> outputGradient) =>
        Backpropagation.Backward(input, outputGradient, parameters);
}
