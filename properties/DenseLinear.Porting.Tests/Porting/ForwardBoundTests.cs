using DenseLinear.IO;
using Xunit;
using Xunit.Abstractions;
using static DenseLinear.Porting.Tests.Porting.TestModels;

namespace DenseLinear.Porting.Tests.Porting;

/// <summary>
/// The forward pass's bound on its own: loose enough for a correct port computed in another summation order, tight
/// enough to catch a weight moved by (k + 1) ulps of its column's norm.
/// </summary>
public sealed class ForwardBoundTests(ITestOutputHelper output)
{
    // Wide layers, so that summing in another order actually rounds differently.
    private static readonly StoredModel Original = PyTorch(3, 256, 128, 64);

    [Fact]
    public void A_correct_port_summed_in_reverse_order_passes_though_its_outputs_differ()
    {
        var options = new PortCheckOptions { Batch = 32, FloatKernelB = new ReversedSumKernel() };
        PortReport report = PortCheck.Compare(Original, Keras(Original), options);
        foreach (ForwardLayerResult layer in report.Forward.Layers)
        {
            output.WriteLine($"layer {layer.Index}: ratio {layer.WorstRatio:G4}, yA {layer.WorstA:G9}, yB {layer.WorstB:G9}, bound {layer.WorstBound:G3}");
        }

        Assert.Equal(PortVerdict.Same, report.Verdict);
        Assert.All(report.Forward.Layers, layer => Assert.NotEqual(layer.WorstA, layer.WorstB));
        Assert.All(report.Forward.Layers, layer => Assert.InRange(layer.WorstRatio, double.Epsilon, 1));
    }

    /// <remarks>
    /// What a rigorous bound can see: boundA + boundB ≈ 2γ(k+1)·(|x|·|w| + |b|), so one output moves outside it only when
    /// a weight moves by about (k + 1)·u times its column's 1-norm (about k² ulps of a typical weight); less is
    /// indistinguishable from rounding in some summation order. Moved by 4(k + 1)·u·‖w‖₁, it fails; by a tenth of that, it
    /// passes.
    /// </remarks>
    [Theory]
    [InlineData(4.0, true)]
    [InlineData(0.4, false)]
    public void A_weight_moved_by_k_plus_1_ulps_of_its_column_norm_fails_the_forward_pass(double scale, bool detected)
    {
        StoredLayer layer = Original.Layers[0];
        float[] w = Floats(layer.Weight);
        int k = (int)layer.InFeatures, column = 7, spot = (column * k) + 11;
        double norm = w.AsSpan(column * k, k).ToArray().Sum(v => Math.Abs((double)v));
        w[spot] += (float)(scale * (k + 1) * Math.ScaleB(1, -24) * norm);
        StoredModel perturbed = With(Original, 0, l => WithWeight(l, StoredTensor.Create<float>(w, l.OutFeatures, l.InFeatures), WeightLayout.OutIn));
        PortReport report = PortCheck.Compare(Original, Keras(perturbed), new PortCheckOptions { Batch = 32 });
        ForwardLayerResult result = report.Forward.Layers[0];
        output.WriteLine($"moved by {scale}(k + 1)u·|w|1: ratio {result.WorstRatio:G4} at [{result.WorstRow}, {result.WorstColumn}]");
        Assert.Equal(detected, result.WorstRatio > 1);
        Assert.Equal(detected, report.Findings.Any(f => f.Kind == PortMistakeKind.OutputsOutsideBound && f.LayerIndex == 0));
        Assert.Contains(report.Findings, f => f.Kind == PortMistakeKind.DifferentWeights);
    }

    [Fact]
    public void A_float64_model_runs_in_float64()
    {
        StoredModel doubles = new(Original.Format, [.. Original.Layers.Select(l => new StoredLayer(l.Name, l.Layout, l.Weight.ConvertTo(TensorDType.Float64), l.Bias!.ConvertTo(TensorDType.Float64), l.Activation, l.WeightPath, l.BiasPath))]);
        PortReport report = PortCheck.Compare(doubles, Keras(doubles));
        Assert.Equal("float64", report.Forward.Precision);
        Assert.Equal(PortVerdict.Same, report.Verdict);
    }

    [Fact]
    public void A_given_input_is_used_and_a_wrong_last_dimension_is_refused_naming_the_shapes()
    {
        StoredModel small = PyTorch(1, 4, 8, 3);
        StoredTensor input = StoredTensor.Create<float>(new float[12], 3, 4);
        PortReport report = PortCheck.Compare(small, Keras(small), new PortCheckOptions { Input = input, InputLabel = "x.npy" });
        Assert.Equal(3, report.Forward.Batch);
        Assert.StartsWith("x.npy", report.Forward.Input, StringComparison.Ordinal);

        StoredTensor wrong = StoredTensor.Create<float>(new float[15], 5, 3);
        ArgumentException e = Assert.Throws<ArgumentException>(() => PortCheck.Compare(small, Keras(small), new PortCheckOptions { Input = wrong }));
        Assert.Contains("[5, 3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("[batch, 4]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_renders_as_text_and_as_json()
    {
        PortReport report = PortCheck.Compare(Original, Keras(Original));
        Assert.Contains("Verdict: same function.", report.ToText(), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());
        Assert.Equal("same", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("forward").GetProperty("layers").GetArrayLength());
    }
}
