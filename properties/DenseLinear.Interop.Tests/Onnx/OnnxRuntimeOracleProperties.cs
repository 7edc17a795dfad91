using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Layers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DenseLinear.Interop.Tests.Onnx;

/// <summary>
/// ONNX Runtime's CPU kernels as an independent oracle: Gemm(transB = 1), PyTorch's export of <c>nn.Linear</c>,
/// against <see cref="LinearLayer{T}"/>; MatMul + Add, tf2onnx's export of Keras <c>Dense</c>, against
/// <see cref="DenseLayer{T}"/> with N-D input. Float and double (ORT's CPU provider registers both for Gemm,
/// MatMul and Add).
/// </summary>
[Properties(Arbitrary = [typeof(OracleArbitraries)], MaxTest = 150)]
public sealed class OnnxRuntimeOracleProperties
{
    [Property]
    public Property Gemm_transB_matches_LinearLayer_float(AffineCase<float> c) => GemmMatchesLinear(c);

    [Property]
    public Property Gemm_transB_matches_LinearLayer_double(AffineCase<double> c) => GemmMatchesLinear(c);

    [Property]
    public Property MatMul_Add_matches_DenseLayer_float(AffineCase<float> c) => MatMulAddMatchesDense(c);

    [Property]
    public Property MatMul_Add_matches_DenseLayer_double(AffineCase<double> c) => MatMulAddMatchesDense(c);

    private static Property GemmMatchesLinear<T>(AffineCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (T[] ort, long[] shape) = OrtSessions.Run(
            OrtSessions.Gemm<T>(transB: true),
            ("X", c.Input, [c.Rows, c.InFeatures]),
            ("W", c.Weight, [c.OutFeatures, c.InFeatures]),
            ("B", c.Bias, [c.OutFeatures]));
        var layer = new LinearLayer<T>(Tensor.Create(c.Weight, [c.OutFeatures, c.InFeatures]), Tensor.Create(c.Bias, [c.OutFeatures]));
        T[] y = Flatten(layer.Forward(c.InputMatrix));
        return (shape.SequenceEqual([c.Rows, c.OutFeatures])).Label($"ORT output shape [{string.Join(", ", shape)}]")
            .And(OracleChecks.BothWithinBound(c.Reference(), ort, y, "ORT Gemm"))
            .Classify(c.InFeatures == c.OutFeatures, "square weight");
    }

    private static Property MatMulAddMatchesDense<T>(AffineCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rank = c.BatchShape.Length + 1;
        (T[] ort, long[] shape) = OrtSessions.Run(
            OrtSessions.MatMulAdd<T>(rank),
            ("X", c.Input, c.InputShape),
            ("K", c.Kernel, [c.InFeatures, c.OutFeatures]),
            ("B", c.Bias, [c.OutFeatures]));
        var layer = new DenseLayer<T>(Tensor.Create(c.Kernel, [c.InFeatures, c.OutFeatures]), Tensor.Create(c.Bias, [c.OutFeatures]));
        Tensor<T> output = layer.Forward(c.InputTensor);
        long[] expectedShape = [.. c.BatchShape.Select(d => (long)d), c.OutFeatures];
        return (shape.SequenceEqual(expectedShape) && output.Lengths.ToArray().Select(l => (long)l).SequenceEqual(expectedShape))
                .Label($"shapes: ORT [{string.Join(", ", shape)}], layer {output.Lengths.Length}-d, expected [{string.Join(", ", expectedShape)}]")
            .And(OracleChecks.BothWithinBound(c.Reference(), ort, Flatten(output), "ORT MatMul+Add"))
            .Classify(rank > 2, "N-D input");
    }

    private static T[] Flatten<T>(Tensor<T> tensor)
    {
        var values = new T[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }
}
