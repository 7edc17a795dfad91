using System.Globalization;
using System.Numerics;
using DenseLinear.IO;
using DenseLinear.Kernels;

namespace DenseLinear.Porting;

/// <summary>
/// Compares two models as functions: whether a port (PyTorch ↔ Keras, or any two <see cref="StoredModel"/>s) computes
/// what the original does, and if not, which mistake it is and in which layer.
/// </summary>
/// <remarks>
/// <para>Structure: each layer pair of the same index, both weights as kernels K [in, out] (a PyTorch W transposed),
/// compared exactly as values widened to double (a float16 weight equals a float32 one when the values are equal). A
/// mismatch is named by <see cref="PortMistakeKind"/>.</para>
/// <para>Function: a forward pass on the given or generated inputs, layer by layer on shared inputs (each layer gets
/// A's previous output), both sides in the models' precision (float64 when every tensor of both is float64, else
/// float32) with the naive kernel. Each side's pre-activation must lie within Higham's bound
/// <see cref="Accuracy.ErrorBound.DotProduct{T}"/> (k + 1 terms with the bias, gauge |x|ᵀ|K| + |b|) of the exact value,
/// so |yA − yB| ≤ boundA + boundB whenever the functions agree; after the activation, within its Lipschitz constant
/// times that, plus its rounding.</para>
/// </remarks>
public static class PortCheck
{
    /// <summary>Compares model <paramref name="b"/> (the port) with <paramref name="a"/> (the original).</summary>
    /// <exception cref="ArgumentException">A model has no dense layer, or the input cannot run on A: not [batch, in] with A's first layer's in; the message names the shapes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch to generate is not positive.</exception>
    public static PortReport Compare(StoredModel a, StoredModel b, PortCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= new PortCheckOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Batch, nameof(options));
        if (a.Layers.Count == 0 || b.Layers.Count == 0)
        {
            throw new ArgumentException($"{(a.Layers.Count == 0 ? options.LabelA : options.LabelB)} has no dense layer to compare.", a.Layers.Count == 0 ? nameof(a) : nameof(b));
        }

        var findings = new List<PortFinding>();
        var notes = new List<string>();
        notes.AddRange(a.Notes.Select(note => $"A: {note}"));
        notes.AddRange(b.Notes.Select(note => $"B: {note}"));
        CanonicalKernel[] kernelsA = [.. a.Layers.Select(CanonicalKernel.Of)];
        int count = Math.Min(a.Layers.Count, b.Layers.Count);
        var layers = new List<LayerComparison>(count);
        for (int i = 0; i < count; i++)
        {
            layers.Add(LayerClassifier.Compare(i, a.Layers, kernelsA, b.Layers[i], CanonicalKernel.Of(b.Layers[i]), findings, notes));
        }

        notes.AddRange(AssumedActivations(layers, a.Format, b.Format));
        if (a.Layers.Count != b.Layers.Count)
        {
            StoredLayer extra = (a.Layers.Count > count ? a : b).Layers[count];
            findings.Add(new(PortMistakeKind.DifferentLayerCount, count, extra.Name, $"different layer count: A has {a.Layers.Count} dense layers, B {b.Layers.Count}; {(a.Layers.Count > count ? "A" : "B")}'s layer {count} ({extra.Name}) has no counterpart."));
        }

        ForwardPassReport forward = RunForward(a, b, options, notes);
        foreach (ForwardLayerResult layer in forward.Layers.Where(layer => layer.Ran && !layer.Passed))
        {
            findings.Add(new(PortMistakeKind.OutputsOutsideBound, layer.Index, layer.Layer, string.Create(
                CultureInfo.InvariantCulture,
                $"Layer {layer.Index} {layer.Layer}: the outputs differ by up to {Math.Max(layer.WorstRatio, layer.WorstActivationRatio):G4} times what rounding allows (before the activation: yA = {layer.WorstA:G9}, yB = {layer.WorstB:G9} at [{layer.WorstRow}, {layer.WorstColumn}], bound {layer.WorstBound:G3}).")));
        }

        PortVerdict verdict = findings.Count == 0 && forward.Passed ? PortVerdict.Same : PortVerdict.Different;
        return new PortReport(options.LabelA, options.LabelB, a.Format, b.Format, verdict, layers, findings, notes, forward);
    }

    private static ForwardPassReport RunForward(StoredModel a, StoredModel b, PortCheckOptions options, List<string> notes)
    {
        bool isDouble = AllDouble(a) && AllDouble(b);
        if (!isDouble && (AnyDouble(a) || AnyDouble(b)))
        {
            notes.Add("Some weights are float64 and others not: the forward pass runs in float32, the float64 values rounded to it.");
        }

        return isDouble
            ? Run(a, b, options, options.DoubleKernelB ?? NaiveKernel<double>.Instance, notes)
            : Run(a, b, options, options.FloatKernelB ?? NaiveKernel<float>.Instance, notes);
    }

    private static ForwardPassReport Run<T>(StoredModel a, StoredModel b, PortCheckOptions options, IMatMulKernel<T> kernelB, List<string> notes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        StoredLayer first = a.Layers[0];
        string features = first.InFeatures.ToString(CultureInfo.InvariantCulture);
        if (options.Input is not StoredTensor input)
        {
            var random = new Random(options.Seed);
            T[] generated = new T[checked(options.Batch * (int)first.InFeatures)];
            for (int i = 0; i < generated.Length; i++)
            {
                generated[i] = T.CreateTruncating((random.NextDouble() * 2) - 1);
            }

            return ForwardPass.Run(a, b, generated, options.Batch, string.Create(CultureInfo.InvariantCulture, $"generated: {options.Batch} rows, seed {options.Seed}, uniform in [-1, 1]"), kernelB, options.Progress);
        }

        if (input.Rank is not (1 or 2) || input.Shape[^1] != first.InFeatures)
        {
            throw new ArgumentException($"The input {options.InputLabel ?? "tensor"} is {input}, but A's first layer '{first.Name}' takes {features} features: it must be [batch, {features}] (or [{features}] for one row).", nameof(options));
        }

        int batch = input.Rank == 1 ? 1 : checked((int)input.Shape[0]);
        if (batch == 0)
        {
            throw new ArgumentException($"The input {options.InputLabel ?? "tensor"} is {input}: it has no rows.", nameof(options));
        }

        string precision = TensorDTypeNames.Of(StoredTensor.DTypeOf<T>());
        if (input.DType == TensorDType.Float64 && typeof(T) == typeof(float))
        {
            notes.Add("The input is float64 and the models float32 (or 16-bit): the input was rounded to float32.");
        }

        return ForwardPass.Run(a, b, ForwardPass.Values<T>(input), batch, $"{options.InputLabel ?? "given"}: {input} as {precision}", kernelB, options.Progress);
    }

    // One note per side that lacks activations (a state_dict, a weights-only Keras file), listing what the forward pass assumed.
    private static IEnumerable<string> AssumedActivations(List<LayerComparison> layers, ModelFileFormat formatA, ModelFileFormat formatB)
    {
        string Assumed(Activation? activation) => activation is Activation known ? ActivationNames.Of(known) : "linear (neither records it)";
        int[] lackA = [.. layers.Where(layer => layer.ActivationA is null).Select(layer => layer.Index)];
        int[] lackB = [.. layers.Where(layer => layer.ActivationB is null).Select(layer => layer.Index)];
        if (lackA.Length > 0)
        {
            yield return $"A's format, {ModelFileFormatNames.Of(formatA)}, records no activation for layer{(lackA.Length == 1 ? string.Empty : "s")} {string.Join(", ", lackA)}; the forward pass assumes B's: {string.Join(", ", lackA.Select(i => Assumed(layers[i].ActivationB)))}.";
        }

        if (lackB.Length > 0)
        {
            yield return $"B's format, {ModelFileFormatNames.Of(formatB)}, records no activation for layer{(lackB.Length == 1 ? string.Empty : "s")} {string.Join(", ", lackB)}; the forward pass assumes A's: {string.Join(", ", lackB.Select(i => Assumed(layers[i].ActivationA)))}.";
        }
    }

    private static bool AnyDouble(StoredModel model) =>
        model.Layers.Any(layer => layer.Weight.DType == TensorDType.Float64 || layer.Bias?.DType == TensorDType.Float64);

    private static bool AllDouble(StoredModel model) =>
        model.Layers.All(layer => layer.Weight.DType == TensorDType.Float64 && (layer.Bias is null || layer.Bias.DType == TensorDType.Float64));
}
