using System.Globalization;
using DenseLinear.IO;

namespace DenseLinear.Porting;

/// <summary>Compares one pair of stored layers and names what differs: the structural half of <see cref="PortCheck"/>.</summary>
internal static class LayerClassifier
{
    public static string Label(StoredLayer a, StoredLayer b) => $"{a.Name} ({a.WeightPath}) / {b.Name} ({b.WeightPath})";

    public static LayerComparison Compare(int index, IReadOnlyList<StoredLayer> layersA, IReadOnlyList<CanonicalKernel> kernelsA, StoredLayer b, CanonicalKernel kb, List<PortFinding> findings, List<string> notes)
    {
        StoredLayer a = layersA[index];
        CanonicalKernel ka = kernelsA[index];
        string label = Label(a, b);
        string at = $"Layer {index} {label}";
        if (a.Weight.DType != b.Weight.DType)
        {
            notes.Add($"{at}: the weight is {TensorDTypeNames.Of(a.Weight.DType)} in A and {TensorDTypeNames.Of(b.Weight.DType)} in B; compared as values widened to double.");
        }

        WeightMatch match = kb.SameAs(ka) ? WeightMatch.Direct : kb.IsTransposeOf(ka) ? WeightMatch.Transposed : WeightMatch.Neither;
        bool sameLayer = match == WeightMatch.Direct;
        int first = findings.Count;
        switch (match)
        {
            case WeightMatch.Transposed when ka.IsSquare:
                findings.Add(new(PortMistakeKind.SquareWeightTransposed, index, label, $"{at}: square weight transposed: B's {ka.Rows}×{ka.Columns} kernel is A's transposed (K_B = K_Aᵀ ≠ K_A); the shapes chain but the function differs."));
                sameLayer = true;
                break;
            case WeightMatch.Transposed:
                findings.Add(new(PortMistakeKind.ForgottenTranspose, index, label, $"{at}: forgotten transpose: B's kernel K {Shape(kb)} is A's K {Shape(ka)} transposed, A's weight in the other convention's layout; the shapes do not chain."));
                sameLayer = true;
                break;
            case WeightMatch.Neither when IsReshaped(ka, kb):
                findings.Add(new(PortMistakeKind.ReshapedInsteadOfTransposed, index, label, $"{at}: weight reshaped instead of transposed: B's kernel K {Shape(kb)} holds the values of A's transposed kernel in their flat order (same flat values, shape reversed)."));
                sameLayer = true;
                break;
            case WeightMatch.Neither when FindElsewhere(index, kernelsA, kb) is int j:
                findings.Add(new(PortMistakeKind.LayersOutOfOrder, index, label, $"{at}: layers out of order: B's layer {index} holds the weight of A's layer {j} ({layersA[j].Name}, {layersA[j].WeightPath})."));
                break;
            case WeightMatch.Neither:
                findings.Add(new(PortMistakeKind.DifferentWeights, index, label, $"{at}: different weights: {Difference(ka, kb)}."));
                sameLayer = ka.Rows == kb.Rows && ka.Columns == kb.Columns;
                break;
        }

        // A layout mismatch a reader found in the file comes first; the weights were compared in the layout they have.
        findings.InsertRange(first, [.. LayoutMismatch(a, "A", match, at, label, index), .. LayoutMismatch(b, "B", match, at, label, index)]);
        BiasMatch bias = sameLayer ? CompareBias(a, b, at, label, index, findings, notes) : BiasMatch.NotCompared;
        CompareActivation(a, b, at, label, index, findings);
        return new LayerComparison(index, a.Name, b.Name, a.WeightPath, b.WeightPath, ka.Shape, kb.Shape, a.Weight.DType, b.Weight.DType, match, bias, a.Activation, b.Activation)
        {
            LayoutMismatchA = a.LayoutMismatch,
            LayoutMismatchB = b.LayoutMismatch,
        };
    }

    // "forgotten transpose in B's file: the kernel is stored [8, 4] = [units, in], …. Read as it is laid out, the weight is A's."
    private static IEnumerable<PortFinding> LayoutMismatch(StoredLayer layer, string side, WeightMatch match, string at, string label, int index)
    {
        if (layer.LayoutMismatch is not string mismatch)
        {
            yield break;
        }

        const string Suffix = ": a forgotten transpose";
        string why = mismatch.EndsWith(Suffix, StringComparison.Ordinal) ? mismatch[..^Suffix.Length] : mismatch;
        string other = side == "A" ? "B" : "A";
        string values = match switch
        {
            WeightMatch.Direct => $"the weight is {other}'s",
            WeightMatch.Transposed => $"it is {other}'s transposed besides",
            _ => $"it differs from {other}'s besides",
        };
        yield return new(PortMistakeKind.ForgottenTranspose, index, label, $"{at}: forgotten transpose in {side}'s file: {why}. Read as it is laid out, {values}.");
    }

    public static string Shape(CanonicalKernel kernel) => StoredTensor.Format(kernel.Shape);

    // A reshape of W [out, in] to [in, out] (or of K back): the same shape as the right kernel, the flat order of its transpose.
    private static bool IsReshaped(CanonicalKernel ka, CanonicalKernel kb) =>
        !ka.IsSquare && ka.Rows == kb.Rows && ka.Columns == kb.Columns
        && (CanonicalKernel.SameBits(kb.Values, ka.Transposed().Values) || CanonicalKernel.SameBits(kb.Transposed().Values, ka.Values));

    private static int? FindElsewhere(int index, IReadOnlyList<CanonicalKernel> kernelsA, CanonicalKernel kb)
    {
        for (int j = 0; j < kernelsA.Count; j++)
        {
            if (j != index && (kb.SameAs(kernelsA[j]) || kb.IsTransposeOf(kernelsA[j])))
            {
                return j;
            }
        }

        return null;
    }

    private static string Difference(CanonicalKernel ka, CanonicalKernel kb)
    {
        if (ka.Rows != kb.Rows || ka.Columns != kb.Columns)
        {
            return $"A's kernel is K {Shape(ka)}, B's K {Shape(kb)}";
        }

        (int count, int worst, double largest) = Differences(ka.Values, kb.Values);
        return string.Create(CultureInfo.InvariantCulture, $"K {Shape(ka)} on both sides, {count} of {ka.Values.Length} values differ, the largest |difference| {largest:G9} at [{worst / ka.Columns}, {worst % ka.Columns}] ({ka.Values[worst]:G9} in A, {kb.Values[worst]:G9} in B)");
    }

    private static (int Count, int Worst, double Largest) Differences(double[] a, double[] b)
    {
        int count = 0, worst = 0;
        double largest = -1;
        for (int i = 0; i < a.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(b[i]))
            {
                count++;
                double difference = Math.Abs(a[i] - b[i]);
                if (!(difference <= largest))
                {
                    (worst, largest) = (i, difference);
                }
            }
        }

        return (count, worst, largest);
    }

    private static BiasMatch CompareBias(StoredLayer a, StoredLayer b, string at, string label, int index, List<PortFinding> findings, List<string> notes)
    {
        double[]? biasA = a.Bias is null ? null : CanonicalKernel.Widen(a.Bias);
        double[]? biasB = b.Bias is null ? null : CanonicalKernel.Widen(b.Bias);
        if (biasA is null && biasB is null)
        {
            return BiasMatch.BothAbsent;
        }

        if (biasA is null || biasB is null)
        {
            string has = biasA is null ? "B" : "A", lacks = biasA is null ? "A" : "B";
            if ((biasA ?? biasB)!.All(v => v == 0))
            {
                notes.Add($"{at}: {has} has an all-zero bias and {lacks} none: the same function.");
                return BiasMatch.ZeroVersusNone;
            }

            findings.Add(new(PortMistakeKind.MissingBias, index, label, $"{at}: missing bias: {has} has a non-zero bias [{(biasA ?? biasB)!.Length}], {lacks} none."));
            return BiasMatch.Missing;
        }

        if (CanonicalKernel.SameBits(biasA, biasB))
        {
            return BiasMatch.Same;
        }

        string message = biasA.Length != biasB.Length
            ? $"A's bias has {biasA.Length} values, B's {biasB.Length}"
            : Describe(Differences(biasA, biasB), biasA, biasB);
        findings.Add(new(PortMistakeKind.DifferentBias, index, label, $"{at}: different bias: {message}."));
        return BiasMatch.Different;
    }

    private static string Describe((int Count, int Worst, double Largest) d, double[] a, double[] b) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Count} of {a.Length} values differ, the largest |difference| {d.Largest:G9} at [{d.Worst}] ({a[d.Worst]:G9} in A, {b[d.Worst]:G9} in B)");

    private static void CompareActivation(StoredLayer a, StoredLayer b, string at, string label, int index, List<PortFinding> findings)
    {
        if (a.Activation is Activation activationA && b.Activation is Activation activationB)
        {
            if (activationA != activationB)
            {
                findings.Add(new(PortMistakeKind.DifferentActivation, index, label, $"{at}: different activation: {ActivationNames.Of(activationA)} in A, {ActivationNames.Of(activationB)} in B."));
            }
        }
    }
}
