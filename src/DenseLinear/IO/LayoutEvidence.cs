namespace DenseLinear.IO;

/// <summary>
/// Decides, from evidence in the file only, whether a dense layer's weight is laid out in its file format's
/// convention or in the other framework's (a forgotten transpose), and makes the <see cref="StoredLayer"/>s.
/// </summary>
/// <remarks>
/// <para>Evidence of a layer's own: a bias whose length is one of the weight's dimensions and not the other, a Keras
/// config's <c>units</c> equal to one of the kernel's dimensions and not the other. When a layer's own evidence all
/// points to the other layout, that is its layout; when it conflicts, the file's convention is kept (and the shapes
/// are refused as before).</para>
/// <para>Evidence of the chain: a non-square layer without evidence of its own takes the layout in which it links
/// with its neighbours whose layout is settled (by their own evidence, by being square, or by linking in turn), if
/// its file's convention does not. The neighbours are settled in rounds, each round only from the previous one's, so
/// the result does not depend on the order. A layer no settled neighbour reaches stays in its file's convention:
/// without evidence, nothing is guessed.</para>
/// </remarks>
internal static class LayoutEvidence
{
    /// <summary>The layers of a model file, each in the layout the evidence decides, checked to chain.</summary>
    /// <param name="entries">The layers as read, in model order.</param>
    /// <param name="convention">The file format's layout.</param>
    /// <param name="layerWord">How a message names a layer, before its quoted name: <c>Layer </c>, <c>keras: model.keras: layer </c>.</param>
    /// <exception cref="InvalidDataException">A layer takes other than the previous layer's output features.</exception>
    public static List<StoredLayer> DecideChain(IReadOnlyList<DenseLayerEntry> entries, WeightLayout convention, string layerWord)
    {
        List<StoredLayer> layers = Decide(entries, convention);
        for (int i = 1; i < layers.Count; i++)
        {
            if (layers[i - 1].OutFeatures != layers[i].InFeatures)
            {
                throw new InvalidDataException($"{layerWord}'{layers[i].Name}' takes {layers[i].InFeatures} features but '{layers[i - 1].Name}' before it gives {layers[i - 1].OutFeatures}.");
            }
        }

        return layers;
    }

    /// <summary>The layers, each in the layout the evidence decides; whether they chain is the caller's to check.</summary>
    public static List<StoredLayer> Decide(IReadOnlyList<DenseLayerEntry> entries, WeightLayout convention)
    {
        int count = entries.Count;
        var settled = new bool[count];
        var flipped = new bool[count];
        var reasons = new List<string>?[count];
        for (int i = 0; i < count; i++)
        {
            (settled[i], flipped[i], reasons[i]) = OwnEvidence(entries[i], convention);
        }

        // A weight that is no matrix is refused by StoredLayer; no chain is read around it.
        for (bool changed = entries.All(entry => entry.Weight.Rank == 2); changed;)
        {
            changed = false;
            var round = new (int Index, bool Flipped, string? Reason)[count];
            int decided = 0;
            for (int i = 0; i < count; i++)
            {
                if (!settled[i] && FromNeighbours(entries, convention, settled, flipped, i) is { } decision)
                {
                    round[decided++] = (i, decision.Flipped, decision.Reason);
                }
            }

            foreach ((int index, bool flip, string? reason) in round.AsSpan(0, decided))
            {
                (settled[index], flipped[index], changed) = (true, flip, true);
                reasons[index] = reason is null ? null : [reason];
            }
        }

        var layers = new List<StoredLayer>(count);
        for (int i = 0; i < count; i++)
        {
            DenseLayerEntry entry = entries[i];
            WeightLayout layout = flipped[i] ? Other(convention) : convention;
            string? mismatch = flipped[i] ? Describe(entry.Weight, convention, reasons[i]!) : null;
            layers.Add(new StoredLayer(entry.Name, layout, entry.Weight, entry.Bias, entry.Activation, entry.WeightPath, entry.BiasPath, mismatch));
        }

        return layers;
    }

    /// <summary>
    /// Raises, where the layer is read, the error of a weight that is no matrix or a bias that fits neither layout, so
    /// the reader refuses such a file at the same layer as it did before layouts were decided at the end.
    /// </summary>
    /// <exception cref="InvalidDataException">The weight is not a matrix, or the bias fits neither of its dimensions.</exception>
    public static void ThrowIfNoLayoutFits(DenseLayerEntry entry, WeightLayout convention)
    {
        if (!Fits(entry, Other(convention)))
        {
            // Throws unless the file's convention fits.
            _ = new StoredLayer(entry.Name, convention, entry.Weight, entry.Bias, entry.Activation, entry.WeightPath, entry.BiasPath);
        }
    }

    /// <summary>Whether the weight is a matrix and the bias, if any, fits it in one layout or the other.</summary>
    public static bool FitsSomeLayout(DenseLayerEntry entry) => Fits(entry, WeightLayout.OutIn) || Fits(entry, WeightLayout.InOut);

    private static bool Fits(DenseLayerEntry entry, WeightLayout layout) =>
        entry.Weight.Rank == 2 && (entry.Bias is null || (entry.Bias.Rank == 1 && entry.Bias.Shape[0] == entry.Weight.Shape[OutAxis(layout)]));

    private static WeightLayout Other(WeightLayout layout) => layout == WeightLayout.OutIn ? WeightLayout.InOut : WeightLayout.OutIn;

    private static int OutAxis(WeightLayout layout) => layout == WeightLayout.OutIn ? 0 : 1;

    private static bool IsNonSquareMatrix(StoredTensor weight) => weight.Rank == 2 && weight.Shape[0] != weight.Shape[1];

    // (settled, flipped, why): a square weight is settled as stored; a bias or units on one side only settles the layer.
    private static (bool Settled, bool Flipped, List<string>? Reasons) OwnEvidence(DenseLayerEntry entry, WeightLayout convention)
    {
        if (!IsNonSquareMatrix(entry.Weight))
        {
            return (true, false, null);
        }

        long outputs = entry.Weight.Shape[OutAxis(convention)], inputs = entry.Weight.Shape[1 - OutAxis(convention)];
        var forConvention = new List<string>();
        var forOther = new List<string>();
        if (entry.Bias is { Rank: 1 } bias)
        {
            (bias.Shape[0] == outputs ? forConvention : bias.Shape[0] == inputs ? forOther : null)?.Add($"the bias {StoredTensor.Format(bias.Shape)}");
        }

        if (entry.Units is long units)
        {
            (units == outputs ? forConvention : units == inputs ? forOther : null)?.Add($"units={units}");
        }

        return (forConvention.Count, forOther.Count) switch
        {
            (0, 0) => (false, false, null),
            (0, _) => (true, true, forOther),
            _ => (true, false, null),
        };
    }

    // The layout in which the layer links with its settled neighbours, when its file's convention does not; null while none is settled.
    private static (bool Flipped, string? Reason)? FromNeighbours(IReadOnlyList<DenseLayerEntry> entries, WeightLayout convention, bool[] settled, bool[] flipped, int i)
    {
        long? before = i > 0 && settled[i - 1] ? Features(entries[i - 1].Weight, convention, flipped[i - 1], output: true) : null;
        long? after = i + 1 < entries.Count && settled[i + 1] ? Features(entries[i + 1].Weight, convention, flipped[i + 1], output: false) : null;
        if (before is null && after is null)
        {
            return null;
        }

        bool Links(bool flip) =>
            (before is null || before == Features(entries[i].Weight, convention, flip, output: false))
            && (after is null || after == Features(entries[i].Weight, convention, flip, output: true));

        if (Links(false))
        {
            return (false, null);
        }

        if (!Links(true))
        {
            // Linked in neither layout: left unsettled, in its file's convention, and the chain refused as before.
            return null;
        }

        string reason = before is long gives
            ? $"the previous layer ('{entries[i - 1].Name}', {gives} outputs)"
            : $"the next layer ('{entries[i + 1].Name}', {after} inputs)";
        return (true, reason);
    }

    private static long Features(StoredTensor weight, WeightLayout convention, bool flip, bool output)
    {
        int outAxis = OutAxis(flip ? Other(convention) : convention);
        return weight.Shape[output ? outAxis : 1 - outAxis];
    }

    // "the kernel is stored [8, 4] = [units, in], PyTorch's layout; the bias [8] and units=8 say Keras' [in, units] is [4, 8]: a forgotten transpose"
    private static string Describe(StoredTensor weight, WeightLayout convention, List<string> reasons)
    {
        string stored = StoredTensor.Format(weight.Shape);
        string expected = StoredTensor.Format([weight.Shape[1], weight.Shape[0]]);
        string evidence = string.Join(" and ", reasons);
        string verb = reasons.Count == 1 ? "says" : "say";
        return convention == WeightLayout.InOut
            ? $"the kernel is stored {stored} = [units, in], PyTorch's layout; {evidence} {verb} Keras' [in, units] is {expected}: a forgotten transpose"
            : $"the weight is stored {stored} = [in, out], Keras' layout; {evidence} {verb} PyTorch's [out, in] is {expected}: a forgotten transpose";
    }
}
