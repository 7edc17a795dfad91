namespace DenseLinear.Benchmarks.Comparison;

/// <summary>The outcome of comparing two runs' ratios.</summary>
public sealed record ComparisonResult(
    IReadOnlyList<RatioChange> Changes,
    IReadOnlyList<RatioKey> OnlyInBaseline,
    IReadOnlyList<RatioKey> OnlyInCurrent)
{
    public bool HasRegression => Changes.Any(c => c.Verdict == Verdict.Slower);
}
