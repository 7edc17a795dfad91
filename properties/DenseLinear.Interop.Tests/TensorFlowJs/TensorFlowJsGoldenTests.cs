using System.Numerics.Tensors;
using DenseLinear.Accuracy;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Interop.Tests.TensorFlowJs;

/// <summary>
/// TensorFlow.js Layers (4.22.0, CPU backend) as an independent Keras oracle: DenseLayer&lt;float&gt;, loaded from
/// tfjs' own kernel/bias .npy files, reproduces tfjs' y; for linear cases so does LinearLayer&lt;float&gt; with the
/// transposed kernel. Bounds: <see cref="ExactReference{T}"/> for the affine part, <see cref="ErrorBound.ActivationPair"/>
/// through the activation.
/// </summary>
public sealed class TensorFlowJsGoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach ((string name, string activation) in GoldenCase.Manifest())
        {
            data.Add(name, activation);
        }

        return data;
    }

    public static TheoryData<string, string> LinearCases()
    {
        var data = new TheoryData<string, string>();
        foreach ((string name, string activation) in GoldenCase.Manifest().Where(c => c.Activation == "linear"))
        {
            data.Add(name, activation);
        }

        return data;
    }

    [Fact]
    public void The_manifest_covers_every_activation_and_nd_input()
    {
        (string Name, string Activation)[] cases = [.. GoldenCase.Manifest()];
        Assert.Equal(["linear", "relu", "sigmoid", "tanh"], cases.Select(c => c.Activation).Distinct().Order());
        Assert.Contains(cases, c => GoldenCase.Load(c.Name, c.Activation).X.Rank > 2);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DenseLayer_reproduces_tfjs(string name, string activation)
    {
        GoldenCase golden = GoldenCase.Load(name, activation);
        DenseLayer<float> layer = LayerWeightFiles.ReadDense<float>(golden.Kernel, golden.Bias, golden.Activation);
        Tensor<float> output = layer.Forward(golden.X.ToTensor<float>());
        Assert.Equal(golden.Y.Shape.ToArray(), output.Lengths.ToArray().Select(l => (long)l));

        float[] ours = Flatten(output);
        ReadOnlySpan<float> theirs = golden.Y.GetValues<float>();
        ExactReference<float> reference = Reference(golden);
        if (golden.Activation == Activation.Linear)
        {
            Assert.Null(reference.FindViolation(ours));
            Assert.Null(reference.FindViolation(theirs));
        }

        for (int index = 0; index < ours.Length; index++)
        {
            double allowance = ErrorBound.ActivationPair(golden.Activation, reference.Bound(index), ours[index], theirs[index]);
            double difference = Math.Abs((double)ours[index] - theirs[index]);
            Assert.True(difference <= allowance, $"{name} y[{index}]: ours {ours[index]:R}, tfjs {theirs[index]:R}, pre-activation {reference.Values[index]:R}, |difference| {difference:R} > {allowance:R}");
        }
    }

    [Theory]
    [MemberData(nameof(LinearCases))]
    public void LinearLayer_with_the_transposed_kernel_reproduces_tfjs_linear_cases(string name, string activation)
    {
        GoldenCase golden = GoldenCase.Load(name, activation);
        var layer = new LinearLayer<float>(WeightConversion.Transpose<float>(golden.Kernel.ToTensor<float>()), golden.Bias?.ToTensor<float>());
        float[] ours = Flatten(layer.Forward(golden.X.ToTensor<float>()));
        ReadOnlySpan<float> theirs = golden.Y.GetValues<float>();
        ExactReference<float> reference = Reference(golden);
        Assert.Null(reference.FindViolation(ours));
        for (int index = 0; index < ours.Length; index++)
        {
            Assert.True(Math.Abs((double)ours[index] - theirs[index]) <= 2 * reference.Bound(index), $"{name} y[{index}]: ours {ours[index]:R}, tfjs {theirs[index]:R}");
        }
    }

    /// <summary>The exact pre-activation x·K + b over the flattened rows.</summary>
    private static ExactReference<float> Reference(GoldenCase golden)
    {
        int inFeatures = (int)golden.Kernel.Shape[0];
        int units = (int)golden.Kernel.Shape[1];
        int rows = golden.X.ElementCount / inFeatures;
        return ExactReference<float>.Multiply(
            golden.X.GetValues<float>(), golden.Kernel.GetValues<float>(), rows, inFeatures, units, WeightLayout.InOut,
            golden.Bias is null ? default : golden.Bias.GetValues<float>());
    }

    private static float[] Flatten(Tensor<float> tensor)
    {
        var values = new float[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }
}
