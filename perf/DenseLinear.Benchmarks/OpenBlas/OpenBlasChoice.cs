namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>How the run's OpenBLAS core was chosen, and every core tried on the way.</summary>
/// <param name="Rule">The <c>--openblas-core</c> value: <c>fastest</c>, <c>environment</c> or a core's name.</param>
/// <param name="Trials">Every candidate timed (one-thread sgemm/dgemm GFLOP/s at 512³), empty when none was.</param>
/// <param name="Chosen">The label of the candidate the run loaded, or null for the environment as it is.</param>
public sealed record OpenBlasChoice(string Rule, IReadOnlyList<OpenBlasCoreTrial> Trials, string? Chosen)
{
    public const string Fastest = "fastest";

    public const string AsEnvironment = "environment";

    /// <summary>
    /// <c>fastest of 8 tried: environment → Haswell, own pick → Cooperlake, …</c>: every core tried, without the rates,
    /// which differ from run to run; for a label over several runs.
    /// </summary>
    public string Summarize() =>
        Trials.Count == 0
            ? Describe()
            : $"fastest of {Trials.Count} tried: {string.Join(", ", Trials.Select(t => t.Failure is null ? (t.Core is null || t.Core == t.Candidate ? t.Candidate : $"{t.Candidate} → {t.Core}") : $"{t.Candidate} (failed)"))}";

    /// <summary><c>fastest of 8 tried (sgemm/dgemm GFLOP/s at 512³, one thread): …</c>, or how else it was chosen.</summary>
    public string Describe() =>
        Trials.Count == 0
            ? Rule == AsEnvironment ? "as the environment pins it" : $"forced to {Rule}"
            : $"fastest of {Trials.Count} tried (sgemm/dgemm GFLOP/s at {OpenBlasCoreTiming.Shape.M}³, one thread): {string.Join(", ", Trials.Select(t => t.Describe()))}";
}
