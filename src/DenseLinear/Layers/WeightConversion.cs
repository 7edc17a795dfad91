using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear.Layers;

/// <summary>
/// Exact conversion between the conventions: Keras <c>kernel</c> = PyTorch <c>weight</c>ᵀ, <c>bias</c> unchanged.
/// A transpose moves values without arithmetic, so both directions are bitwise.
/// </summary>
public static class WeightConversion
{
    /// <summary>Returns the transpose of a rank-2 tensor: [r, c] → [c, r], <c>out[j, i] = in[i, j]</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="matrix"/> is not rank 2, or has more elements than an array holds; the message names its shape.</exception>
    public static Tensor<T> Transpose<T>(in ReadOnlyTensorSpan<T> matrix)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (matrix.Rank != 2)
        {
            throw new ArgumentException($"Only a rank-2 weight can be transposed, got {TensorShape.Format(matrix.Lengths)}.", nameof(matrix));
        }

        return Tensor.Create(Transposed(matrix), [matrix.Lengths[1], matrix.Lengths[0]]);
    }

    /// <summary>PyTorch → Keras: <c>kernel = weightᵀ</c>, same bias, linear activation.</summary>
    public static DenseLayer<T> ToKeras<T>(LinearLayer<T> layer, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(layer);
        return DenseLayer<T>.Own(
            Transposed(layer.Weight), CopyBias(layer.Bias, layer.HasBias), layer.InFeatures, layer.OutFeatures, Activation.Linear, matMulKernel ?? layer.MatMulKernel);
    }

    /// <summary>Keras → PyTorch: <c>weight = kernelᵀ</c>, same bias.</summary>
    /// <exception cref="ArgumentException">The layer has an activation, which <c>torch.nn.Linear</c> cannot hold.</exception>
    public static LinearLayer<T> ToPyTorch<T>(DenseLayer<T> layer, IMatMulKernel<T>? matMulKernel = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.Activation != Activation.Linear)
        {
            throw new ArgumentException($"A Keras Dense with activation {layer.Activation} has no torch.nn.Linear equivalent; apply the activation separately.", nameof(layer));
        }

        return LinearLayer<T>.Own(Transposed(layer.Kernel), CopyBias(layer.Bias, layer.UseBias), layer.OutFeatures, layer.InFeatures, matMulKernel ?? layer.MatMulKernel);
    }

    /// <summary>
    /// Maps a PyTorch parameter name to its Keras one: <c>fc1.weight</c> → <c>fc1/kernel</c>, <c>fc1.bias</c> →
    /// <c>fc1/bias</c>. The value under <c>kernel</c> is the transpose of the value under <c>weight</c>.
    /// </summary>
    public static string ToKerasName(string pyTorchName)
    {
        ArgumentNullException.ThrowIfNull(pyTorchName);
        int dot = pyTorchName.LastIndexOf('.');
        string prefix = dot < 0 ? string.Empty : pyTorchName[..dot] + "/";
        return pyTorchName[(dot + 1)..] switch
        {
            "weight" => prefix + "kernel",
            "bias" => prefix + "bias",
            _ => throw new ArgumentException($"'{pyTorchName}' is not a Linear parameter (weight or bias).", nameof(pyTorchName)),
        };
    }

    /// <summary>Maps a Keras weight name to its PyTorch one: <c>dense/kernel:0</c> → <c>dense.weight</c>.</summary>
    public static string ToPyTorchName(string kerasName)
    {
        ArgumentNullException.ThrowIfNull(kerasName);
        string name = kerasName.EndsWith(":0", StringComparison.Ordinal) ? kerasName[..^2] : kerasName;
        int slash = name.LastIndexOf('/');
        string prefix = slash < 0 ? string.Empty : name[..slash] + ".";
        return name[(slash + 1)..] switch
        {
            "kernel" => prefix + "weight",
            "bias" => prefix + "bias",
            _ => throw new ArgumentException($"'{kerasName}' is not a Dense weight (kernel or bias).", nameof(kerasName)),
        };
    }

    // The row-major values of matrixᵀ, in a new array.
    private static T[] Transposed<T>(in ReadOnlyTensorSpan<T> matrix)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var source = ArrayLength.Allocate<T>(matrix.Lengths, "weight", nameof(matrix));
        matrix.FlattenTo(source);
        if (matrix.Lengths[0] <= 1 || matrix.Lengths[1] <= 1)
        {
            // A row or a column (or an empty matrix, whatever its other length) has the same row-major order
            // either way round: the copy is the transpose.
            return source;
        }

        return RowMajor.Transpose(source, (int)matrix.Lengths[0], (int)matrix.Lengths[1]);
    }

    private static T[]? CopyBias<T>(in ReadOnlyTensorSpan<T> bias, bool present)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!present)
        {
            return null;
        }

        var values = ArrayLength.Allocate<T>(bias.Lengths, "bias", "layer");
        bias.FlattenTo(values);
        return values;
    }
}
