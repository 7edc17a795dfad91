using DenseLinear.IO;
using Xunit;
using static DenseLinear.Porting.Tests.Porting.TestModels;

namespace DenseLinear.Porting.Tests.Porting;

/// <summary>Each porting mistake, made on purpose on a correct port, is found, named and placed in its layer.</summary>
public sealed class PortMistakeTests
{
    private static readonly StoredModel Original = PyTorch(1, 4, 8, 8, 3);
    private static readonly StoredModel Port = Keras(Original);

    [Fact]
    public void A_correct_port_is_the_same_function()
    {
        PortReport report = PortCheck.Compare(Original, Port);
        Assert.Equal(PortVerdict.Same, report.Verdict);
        Assert.Empty(report.Findings);
        Assert.All(report.Layers, layer => Assert.Equal(WeightMatch.Direct, layer.Weights));
        Assert.All(report.Layers, layer => Assert.Equal(BiasMatch.Same, layer.Bias));
        Assert.True(report.Forward.Passed);
        Assert.Equal(3, report.Forward.Layers.Count);
    }

    [Fact]
    public void A_port_through_float16_weights_equal_after_widening_is_the_same_function()
    {
        // Round every weight to float16 once: A keeps them as float16, B as the same values in float32.
        StoredModel halfA = Map(Original, tensor => tensor.ConvertTo(TensorDType.Float16));
        StoredModel floatB = Keras(Map(halfA, tensor => tensor.ConvertTo(TensorDType.Float32)));
        PortReport report = PortCheck.Compare(halfA, floatB);
        Assert.Equal(PortVerdict.Same, report.Verdict);
        Assert.Contains(report.Notes, note => note.Contains("float16 in A and float32 in B", StringComparison.Ordinal));
        Assert.Equal(TensorDType.Float16, report.Layers[0].WeightDTypeA);

        // And without the rounding, the float32 original is not the float16 port.
        Assert.Equal(PortVerdict.Different, PortCheck.Compare(Original, Keras(halfA)).Verdict);
    }

    [Fact]
    public void A_forgotten_transpose_is_named_and_the_layer_is_not_run()
    {
        // B stores fc1's W [8, 4] as if it were the Keras kernel [in, units], without a bias: a model built in memory,
        // not read (a reader given the bias [8] keeps the layer as W [out, in] with its LayoutMismatch, tested below).
        StoredModel original = With(Original, 0, layer => WithBias(layer, null));
        StoredModel broken = With(Keras(original), 0, layer => WithWeight(layer, original.Layers[0].Weight, WeightLayout.InOut));
        PortReport report = PortCheck.Compare(original, broken);
        PortFinding finding = Assert.Single(report.Findings);
        Assert.Equal(PortMistakeKind.ForgottenTranspose, finding.Kind);
        Assert.Equal(0, finding.LayerIndex);
        Assert.Contains("fc1", finding.Message, StringComparison.Ordinal);
        Assert.Equal(WeightMatch.Transposed, report.Layers[0].Weights);
        Assert.False(report.Forward.Layers[0].Ran);
        Assert.Contains("[16, 4]", report.Forward.Layers[0].Reason, StringComparison.Ordinal);
        Assert.True(report.Forward.Layers[1].Passed);
    }

    [Fact]
    public void A_layout_mismatch_the_reader_found_is_a_forgotten_transpose_compared_as_laid_out()
    {
        // fc1's kernel stored [8, 4] with its bias [8]: the reader keeps it as W [out, in], so the values compare and the chain runs.
        StoredModel broken = StoredModel.Read(ForgottenTransposeFiles.KerasArchive(Original, 0));
        PortReport report = PortCheck.Compare(Original, broken);
        PortFinding finding = Assert.Single(report.Findings);
        Assert.Equal(PortMistakeKind.ForgottenTranspose, finding.Kind);
        Assert.Equal(0, finding.LayerIndex);
        Assert.StartsWith("Layer 0 fc1 (fc1.weight) / fc1 (layers/dense/vars/0): forgotten transpose in B's file: the kernel is stored [8, 4] = [units, in]", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("Read as it is laid out, the weight is A's.", finding.Message, StringComparison.Ordinal);
        Assert.Equal(WeightMatch.Direct, report.Layers[0].Weights);
        Assert.Equal(BiasMatch.Same, report.Layers[0].Bias);
        Assert.Equal(broken.Layers[0].LayoutMismatch, report.Layers[0].LayoutMismatchB);
        Assert.Null(report.Layers[0].LayoutMismatchA);
        Assert.All(report.Forward.Layers, layer => Assert.True(layer.Ran && layer.Passed));
        Assert.Equal(PortVerdict.Different, report.Verdict);
        Assert.Contains("(stored in the other layout)", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_layout_mismatch_with_other_values_is_named_twice()
    {
        StoredModel other = PyTorch(99, 4, 8, 8, 3);
        StoredModel broken = StoredModel.Read(ForgottenTransposeFiles.KerasArchive(With(Original, 0, _ => other.Layers[0]), 0));
        PortReport report = PortCheck.Compare(Original, broken);
        Assert.Equal([PortMistakeKind.ForgottenTranspose, PortMistakeKind.DifferentWeights], report.Findings.Where(f => f.LayerIndex == 0).Select(f => f.Kind).Take(2));
        Assert.EndsWith("it differs from A's besides.", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_square_weight_transposed_is_named_and_fails_the_forward_pass()
    {
        StoredModel broken = With(Port, 1, layer => WithWeight(layer, layer.Weight.TransposeMatrix(), WeightLayout.InOut));
        PortReport report = PortCheck.Compare(Original, broken);
        Assert.Equal(PortVerdict.Different, report.Verdict);
        PortFinding finding = report.Findings[0];
        Assert.Equal(PortMistakeKind.SquareWeightTransposed, finding.Kind);
        Assert.Contains("fc2", finding.Message, StringComparison.Ordinal);
        Assert.Contains("square weight transposed", finding.Message, StringComparison.Ordinal);
        Assert.True(report.Forward.Layers[1].WorstRatio > 1);
        Assert.Contains(report.Findings, f => f.Kind == PortMistakeKind.OutputsOutsideBound && f.LayerIndex == 1);
    }

    [Fact]
    public void A_weight_reshaped_instead_of_transposed_is_named()
    {
        // W [8, 4]'s values in their flat order, shaped as the kernel [4, 8]: numpy's reshape where .T was meant.
        StoredTensor w = Original.Layers[0].Weight;
        StoredModel broken = With(Port, 0, layer => WithWeight(layer, StoredTensor.Create<float>(Floats(w), 4, 8), WeightLayout.InOut));
        PortReport report = PortCheck.Compare(Original, broken);
        Assert.Equal(PortMistakeKind.ReshapedInsteadOfTransposed, report.Findings[0].Kind);
        Assert.Equal(0, report.Findings[0].LayerIndex);

        // The other way: a Keras kernel reshaped into a PyTorch weight.
        StoredTensor k = Port.Layers[0].Weight;
        StoredModel reshapedBack = With(Original, 0, layer => WithWeight(layer, StoredTensor.Create<float>(Floats(k), 8, 4), WeightLayout.OutIn));
        Assert.Equal(PortMistakeKind.ReshapedInsteadOfTransposed, PortCheck.Compare(Port, reshapedBack).Findings[0].Kind);
    }

    [Fact]
    public void A_missing_bias_is_named()
    {
        StoredModel broken = With(Port, 2, layer => WithBias(layer, null));
        PortReport report = PortCheck.Compare(Original, broken);
        Assert.Equal(PortMistakeKind.MissingBias, report.Findings[0].Kind);
        Assert.Equal(2, report.Findings[0].LayerIndex);
        Assert.Contains("fc3", report.Findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(BiasMatch.Missing, report.Layers[2].Bias);
    }

    [Fact]
    public void A_zero_bias_against_none_is_the_same_function_and_said()
    {
        StoredModel zeroBias = With(Original, 2, layer => WithBias(layer, StoredTensor.Create<float>(new float[3], 3)));
        StoredModel noBias = With(Port, 2, layer => WithBias(layer, null));
        PortReport report = PortCheck.Compare(zeroBias, noBias);
        Assert.Equal(PortVerdict.Same, report.Verdict);
        Assert.Equal(BiasMatch.ZeroVersusNone, report.Layers[2].Bias);
        Assert.Contains(report.Notes, note => note.Contains("all-zero bias", StringComparison.Ordinal) && note.Contains("same function", StringComparison.Ordinal));
    }

    [Fact]
    public void A_different_bias_is_named()
    {
        float[] bias = Floats(Port.Layers[1].Bias!);
        bias[5] = MathF.BitIncrement(bias[5]);
        StoredModel broken = With(Port, 1, layer => WithBias(layer, StoredTensor.Create<float>(bias, bias.Length)));
        PortReport report = PortCheck.Compare(Original, broken);
        Assert.Equal(PortMistakeKind.DifferentBias, report.Findings[0].Kind);
        Assert.Contains("1 of 8 values differ", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_activation_is_named_when_both_record_one()
    {
        StoredModel broken = With(Port, 0, layer => WithActivation(layer, Activation.Tanh));
        PortReport report = PortCheck.Compare(Original, broken);
        PortFinding finding = report.Findings[0];
        Assert.Equal(PortMistakeKind.DifferentActivation, finding.Kind);
        Assert.Contains("relu in A, tanh in B", finding.Message, StringComparison.Ordinal);
        Assert.True(report.Forward.Layers[0].WorstActivationRatio > 1);
    }

    [Fact]
    public void An_unrecorded_activation_is_a_note_and_the_other_side_is_assumed()
    {
        StoredModel stateDict = PyTorch(1, recordActivations: false, 4, 8, 8, 3);
        PortReport report = PortCheck.Compare(stateDict, Port);
        Assert.Equal(PortVerdict.Same, report.Verdict);
        string note = Assert.Single(report.Notes);
        Assert.Equal("A's format, PyTorch checkpoint (.pt), records no activation for layers 0, 1, 2; the forward pass assumes B's: relu, relu, linear.", note);
        Assert.Equal(Activation.Relu, report.Forward.Layers[0].ActivationA);
    }

    [Fact]
    public void The_unrecorded_activation_note_names_the_format_once()
    {
        // A weights-only Keras file records no activations either; the note says which format, not "a state_dict".
        StoredModel weightsOnly = StoredModel.Read(ForgottenTransposeFiles.KerasWeights(Original, -1));
        PortReport report = PortCheck.Compare(Original, weightsOnly);
        Assert.Equal(PortVerdict.Same, report.Verdict);
        Assert.Equal("B's format, Keras 3 weights (.weights.h5), records no activation for layers 0, 1, 2; the forward pass assumes A's: relu, relu, linear.", Assert.Single(report.Notes));
        Assert.Empty(weightsOnly.Notes);
    }

    [Fact]
    public void Layers_out_of_order_are_named_with_the_layer_they_hold()
    {
        StoredModel square = PyTorch(2, 6, 6, 6, 6);
        StoredModel keras = Keras(square);
        List<StoredLayer> swapped = [keras.Layers[1], keras.Layers[0], keras.Layers[2]];
        PortReport report = PortCheck.Compare(square, new StoredModel(keras.Format, swapped));
        Assert.Equal([PortMistakeKind.LayersOutOfOrder, PortMistakeKind.LayersOutOfOrder], report.Findings.Where(f => f.Kind != PortMistakeKind.OutputsOutsideBound).Select(f => f.Kind));
        Assert.Contains("A's layer 1 (fc2", report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_layer_count_is_named()
    {
        StoredModel shorter = new(Port.Format, [Port.Layers[0], Port.Layers[1]]);
        PortReport report = PortCheck.Compare(Original, shorter);
        PortFinding finding = Assert.Single(report.Findings);
        Assert.Equal(PortMistakeKind.DifferentLayerCount, finding.Kind);
        Assert.Contains("A has 3 dense layers, B 2", finding.Message, StringComparison.Ordinal);
        Assert.Equal(2, report.Forward.Layers.Count);
    }

    [Fact]
    public void Other_weights_are_different_weights()
    {
        StoredModel other = Keras(PyTorch(99, 4, 8, 8, 3));
        StoredModel broken = With(Port, 1, _ => other.Layers[1]);
        PortReport report = PortCheck.Compare(Original, broken);
        Assert.Equal(PortMistakeKind.DifferentWeights, report.Findings[0].Kind);
        Assert.Contains("64 of 64 values differ", report.Findings[0].Message, StringComparison.Ordinal);
    }

    private static StoredModel Map(StoredModel model, Func<StoredTensor, StoredTensor> map) =>
        new(model.Format, [.. model.Layers.Select(layer => new StoredLayer(layer.Name, layer.Layout, map(layer.Weight), layer.Bias is null ? null : map(layer.Bias), layer.Activation, layer.WeightPath, layer.BiasPath))]);
}
