using System.Globalization;
using System.Text;
using DenseLinear.IO;

namespace DenseLinear.Porting;

/// <summary>The readable rendering of a <see cref="PortReport"/>.</summary>
internal static class PortReportText
{
    public static string Render(PortReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"A: {report.LabelA}, {ModelFileFormatNames.Of(report.FormatA)}");
        text.AppendLine($"B: {report.LabelB}, {ModelFileFormatNames.Of(report.FormatB)}");
        text.AppendLine(report.Verdict == PortVerdict.Same
            ? "Verdict: same function."
            : $"Verdict: different function ({report.Findings.Count} finding{(report.Findings.Count == 1 ? string.Empty : "s")}).");
        text.AppendLine();
        text.AppendLine("Layers (weights as kernels K [in, out], values compared exactly, widened to double):");
        foreach (LayerComparison layer in report.Layers)
        {
            text.AppendLine($"  {layer.Index}  {layer.NameA} ({layer.WeightPathA}) / {layer.NameB} ({layer.WeightPathB})");
            text.AppendLine($"     K {Shape(layer.KernelShapeA)} {TensorDTypeNames.Of(layer.WeightDTypeA)}{Stored(layer.LayoutMismatchA)} / K {Shape(layer.KernelShapeB)} {TensorDTypeNames.Of(layer.WeightDTypeB)}{Stored(layer.LayoutMismatchB)}: {Weights(layer.Weights)}; bias {Bias(layer.Bias)}; activation {Activation(layer.ActivationA)} / {Activation(layer.ActivationB)}");
        }

        if (report.Findings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Findings:");
            foreach (PortFinding finding in report.Findings)
            {
                text.AppendLine($"  - {finding.Message}");
            }
        }

        text.AppendLine();
        AppendForward(text, report.Forward);
        if (report.Notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Notes:");
            foreach (string note in report.Notes)
            {
                text.AppendLine($"  - {note}");
            }
        }

        return text.ToString();
    }

    private static void AppendForward(StringBuilder text, ForwardPassReport forward)
    {
        text.AppendLine($"Forward pass, {forward.Precision}, {forward.Input}; each layer on A's previous output,");
        text.AppendLine("ratio = |yA - yB| / (boundA + boundB), the bounds Higham's gamma(k+1)·(|x|·|K| + |b|) per side; above 1 is a different function:");
        text.AppendLine("  layer  ratio       at        yA               yB               bound       after activation");
        foreach (ForwardLayerResult layer in forward.Layers)
        {
            text.AppendLine(layer.Ran
                ? string.Create(CultureInfo.InvariantCulture, $"  {layer.Index,-5}  {layer.WorstRatio,-10:G4}  {$"[{layer.WorstRow}, {layer.WorstColumn}]",-8}  {layer.WorstA,-15:G9}  {layer.WorstB,-15:G9}  {layer.WorstBound,-10:G3}  {layer.WorstActivationRatio:G4} ({Activation(layer.ActivationA)}{(layer.ActivationA == layer.ActivationB ? string.Empty : " / " + Activation(layer.ActivationB))})")
                : $"  {layer.Index,-5}  not run: {layer.Reason}");
        }
    }

    private static string Stored(string? layoutMismatch) => layoutMismatch is null ? string.Empty : " (stored in the other layout)";

    private static string Shape(IReadOnlyList<long> shape) => StoredTensor.Format([.. shape]);

    private static string Weights(WeightMatch match) => match switch
    {
        WeightMatch.Direct => "same weights",
        WeightMatch.Transposed => "B's is A's transposed",
        _ => "weights differ",
    };

    private static string Bias(BiasMatch bias) => bias switch
    {
        BiasMatch.Same => "same",
        BiasMatch.BothAbsent => "none on either side",
        BiasMatch.ZeroVersusNone => "zero against none (same function)",
        BiasMatch.Missing => "missing on one side",
        BiasMatch.Different => "differs",
        _ => "not compared",
    };

    private static string Activation(Activation? activation) => activation is Activation a ? ActivationNames.Of(a) : "not recorded";
}
