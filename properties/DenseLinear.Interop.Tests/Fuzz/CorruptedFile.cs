namespace DenseLinear.Interop.Tests.Fuzz;

/// <summary>A valid file, described for failure output, and the corruptions applied to it in order.</summary>
public sealed record CorruptedFile(WeightFileFormat Format, string Description, byte[] Valid, FileLayout Layout, IReadOnlyList<Corruption> Corruptions)
{
    /// <summary>The corrupted bytes.</summary>
    public byte[] Bytes => Corruptions.Aggregate(Valid, (file, corruption) => corruption.Apply(file, Layout));

    /// <summary>Every version with one corruption fewer: the shrinker's candidates.</summary>
    public IEnumerable<CorruptedFile> WithOneCorruptionLess() =>
        Enumerable.Range(0, Corruptions.Count).Select(skip => this with { Corruptions = [.. Corruptions.Where((_, i) => i != skip)] });

    public override string ToString() => $"{Format} {Description}, {Valid.Length} bytes, then [{string.Join(", ", Corruptions)}]";
}
