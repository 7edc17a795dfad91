using System.Numerics;
using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using DenseLinear.Accuracy;
using DenseLinear.Interop.Tests.Onnx;
using DenseLinear.Layers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// PyTorch itself (<c>torch.nn.functional.linear</c> and autograd, in the live <see cref="TorchWorker"/>) as an
/// oracle for <see cref="LinearLayer{T}"/>, and for <see cref="DenseLayer{T}"/> on the converted weights: y, dX, dW
/// (dK = dWᵀ for Keras) and db each within the specification's bound of the exact value on both sides, hence within
/// twice the bound of each other. A 1-D input goes to Dense as [1, in]. 500 cases per element type, 1000 per run.
/// </summary>
[Properties(Arbitrary = [typeof(TorchArbitraries)], MaxTest = CasesPerType)]
public sealed class TorchOracleProperties
{
    public const int CasesPerType = 500;

    // FsCheck.Xunit 3.6's discoverer drops a skipped property from the results instead of reporting it skipped, so
    // this fact is what shows the skip, with the reason and the install command, where torch is absent.
    [TorchFact]
    public void The_live_torch_oracle_answers() =>
        Assert.False(string.IsNullOrWhiteSpace(TorchWorker.Shared.Version), "the worker reported no torch version");

    [TorchProperty]
    public Property Torch_linear_and_autograd_match_LinearLayer_and_DenseLayer_float(TorchLinearCase<float> c) => Matches(c);

    [TorchProperty]
    public Property Torch_linear_and_autograd_match_LinearLayer_and_DenseLayer_double(TorchLinearCase<double> c) => Matches(c);

    private static Property Matches<T>(TorchLinearCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        JsonObject reply = TorchWorker.Shared.Ask(new JsonObject
        {
            ["dtype"] = TorchWorker.DTypeName<T>(),
            ["x_shape"] = TorchWorker.Shape(c.InputShape),
            ["x"] = TorchWorker.Hex<T>(c.Input),
            ["w_shape"] = TorchWorker.Shape([c.OutFeatures, c.InFeatures]),
            ["w"] = TorchWorker.Hex<T>(c.Weight),
            ["b"] = c.Bias is null ? null : TorchWorker.Hex<T>(c.Bias),
            ["gy"] = TorchWorker.Hex<T>(c.OutputGradient),
        });
        T[] y = TorchWorker.Values<T>(reply["y"]);
        T[] dx = TorchWorker.Values<T>(reply["dx"]);
        T[] dw = TorchWorker.Values<T>(reply["dw"]);
        T[]? db = reply["db"] is null ? null : TorchWorker.Values<T>(reply["db"]);

        var linear = new LinearLayer<T>(Tensor.Create(c.Weight, [c.OutFeatures, c.InFeatures]), c.Bias is null ? null : Tensor.Create(c.Bias, [c.OutFeatures]));
        DenseLayer<T> dense = WeightConversion.ToKeras(linear);
        LayerGradients<T> linearGradients = linear.Backward(c.InputTensor, c.OutputGradientTensor);
        // Keras' Dense takes rank >= 2: a 1-D input goes in as a batch of one, [1, in].
        Tensor<T> denseInput = c.BatchShape.Length == 0 ? Tensor.Create(c.Input, [1, c.InFeatures]) : c.InputTensor;
        Tensor<T> denseOutputGradient = c.BatchShape.Length == 0 ? Tensor.Create(c.OutputGradient, [1, c.OutFeatures]) : c.OutputGradientTensor;
        LayerGradients<T> denseGradients = dense.Backward(denseInput, denseOutputGradient);

        int m = c.Rows, k = c.InFeatures, n = c.OutFeatures;
        ExactReference<T> forward = ExactReference<T>.Multiply(c.Input, c.Weight, m, k, n, WeightLayout.OutIn, c.Bias ?? []);
        ExactReference<T> inputGradient = ExactReference<T>.Multiply(c.OutputGradient, c.Weight, m, n, k, WeightLayout.InOut);
        ExactReference<T> weightGradient = ExactReference<T>.Multiply(c.OutputGradientTransposed, c.Input, n, m, k, WeightLayout.InOut);
        ExactReference<T> kernelGradient = ExactReference<T>.Multiply(c.InputTransposed, c.OutputGradient, k, m, n, WeightLayout.InOut);
        T[] ones = [.. Enumerable.Repeat(T.One, m)];
        ExactReference<T> biasGradient = ExactReference<T>.Multiply(c.OutputGradientTransposed, ones, n, m, 1, WeightLayout.InOut);

        Property property = Shape(linear.Forward(c.InputTensor), c.OutputShape, "LinearLayer y")
            .And(OracleChecks.BothWithinBound(forward, y, Flatten(linear.Forward(c.InputTensor)), "torch y vs LinearLayer"))
            .And(OracleChecks.BothWithinBound(forward, y, Flatten(dense.Forward(denseInput)), "torch y vs DenseLayer"))
            .And(OracleChecks.BothWithinBound(inputGradient, dx, Flatten(linearGradients.InputGradient), "torch dX vs LinearLayer"))
            .And(OracleChecks.BothWithinBound(inputGradient, dx, Flatten(denseGradients.InputGradient), "torch dX vs DenseLayer"))
            .And(OracleChecks.BothWithinBound(weightGradient, dw, Flatten(linearGradients.WeightGradient), "torch dW vs LinearLayer"))
            .And(OracleChecks.BothWithinBound(kernelGradient, Transpose(dw, n, k), Flatten(denseGradients.WeightGradient), "torch dWᵀ vs DenseLayer dK"))
            .And((db is null == linearGradients.BiasGradient is null).Label($"torch db {(db is null ? "absent" : "present")}, LinearLayer's {(linearGradients.BiasGradient is null ? "absent" : "present")}"));
        if (db is not null && linearGradients.BiasGradient is not null && denseGradients.BiasGradient is not null)
        {
            property = property
                .And(OracleChecks.BothWithinBound(biasGradient, db, Flatten(linearGradients.BiasGradient), "torch db vs LinearLayer"))
                .And(OracleChecks.BothWithinBound(biasGradient, db, Flatten(denseGradients.BiasGradient), "torch db vs DenseLayer"));
        }

        return property
            .Classify(c.BatchShape.Length == 0, "1-D input")
            .Classify(c.BatchShape.Length >= 3, "4-D or 5-D input")
            .Classify(m == 0, "zero-size")
            .Classify(c.Bias is null, "no bias");
    }

    private static Property Shape<T>(Tensor<T> output, int[] expected, string what) =>
        output.Lengths.ToArray().Select(l => (int)l).SequenceEqual(expected)
            .Label($"{what} shape [{string.Join(", ", output.Lengths.ToArray())}], torch's [{string.Join(", ", expected)}]");

    private static T[] Flatten<T>(Tensor<T> tensor)
    {
        var values = new T[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }

    private static T[] Transpose<T>(T[] matrix, int rows, int columns)
    {
        var transposed = new T[matrix.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int col = 0; col < columns; col++)
            {
                transposed[(col * rows) + r] = matrix[(r * columns) + col];
            }
        }

        return transposed;
    }
}
