namespace DenseLinear.Benchmarks.Comparison;

/// <summary>How a same-run ratio moved between the baseline and the current run.</summary>
public enum Verdict
{
    /// <summary>The ratio fell by more than the threshold.</summary>
    Faster,

    /// <summary>Within the threshold either way.</summary>
    Same,

    /// <summary>The ratio rose by more than the threshold: a regression.</summary>
    Slower,
}
