using System.Numerics.Tensors;
using DenseLinear.Accuracy;
using DenseLinear.Layers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.ML.OnnxRuntime;
using Xunit;

namespace DenseLinear.Interop.Tests.Onnx;

/// <summary>
/// The layout claim, checked by ORT: Gemm without transB reads its B as [in, out] (the Keras kernel), so a PyTorch
/// weight [out, in] is rejected when out ≠ in, and when square it gives x·W, not x·Wᵀ.
/// </summary>
[Properties(Arbitrary = [typeof(OracleArbitraries)], MaxTest = 100)]
public sealed class GemmLayoutTests
{
    [Property]
    public Property Gemm_without_transB_rejects_a_nonsquare_PyTorch_weight(AffineCase<float> c) =>
        Prop.When(c.InFeatures != c.OutFeatures, () =>
        {
            // No bias input, so the only possible complaint is about the weight's layout.
            Exception? error = Record.Exception(() => OrtSessions.Run(
                OrtSessions.Gemm<float>(transB: false, bias: false),
                ("X", c.Input, [c.Rows, c.InFeatures]),
                ("W", c.Weight, [c.OutFeatures, c.InFeatures])));
            OnnxRuntimeException rejection = Assert.IsType<OnnxRuntimeException>(error);
            Assert.Contains("Gemm", rejection.Message, StringComparison.OrdinalIgnoreCase);
        });

    [Fact]
    public void With_a_square_weight_transB_decides_between_the_conventions()
    {
        float[] x = [1, 0, 0, 1, 1, 1];
        float[] w = [1, 2, 3, 4];
        float[] bias = [0, 0];
        var matrix = Tensor.Create(w, [2, 2]);
        var input = Tensor.Create(x, [3, 2]);
        float[] linear = [.. new LinearLayer<float>(matrix).Forward(input)];
        float[] dense = [.. new DenseLayer<float>(matrix).Forward(input)];

        (float[] transposed, _) = OrtSessions.Run(OrtSessions.Gemm<float>(transB: true), ("X", x, [3, 2]), ("W", w, [2, 2]), ("B", bias, [2]));
        (float[] plain, _) = OrtSessions.Run(OrtSessions.Gemm<float>(transB: false), ("X", x, [3, 2]), ("W", w, [2, 2]), ("B", bias, [2]));

        // x·Wᵀ rows: [1, 3], [2, 4], [3, 7]; x·W rows: [1, 2], [3, 4], [4, 6].
        Assert.Equal([1, 3, 2, 4, 3, 7], transposed);
        Assert.Equal(transposed, linear);
        Assert.Equal([1, 2, 3, 4, 4, 6], plain);
        Assert.Equal(plain, dense);
        Assert.NotNull(ExactReference<float>.Multiply(x, w, 3, 2, 2, WeightLayout.OutIn).FindViolation(plain));
    }
}
