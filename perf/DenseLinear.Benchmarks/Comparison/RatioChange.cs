namespace DenseLinear.Benchmarks.Comparison;

/// <summary>One ratio in both runs and the verdict on it.</summary>
public sealed record RatioChange(RatioKey Key, double Baseline, double Current, Verdict Verdict)
{
    /// <summary>current / baseline − 1: +0.25 means the row takes 25% longer relative to its reference.</summary>
    public double Change => (Current / Baseline) - 1.0;
}
