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
    /// Chooses the core OpenBLAS will load in this process by <paramref name="rule"/>: the fastest that computes
    /// correctly (the default), the environment's pin as it is, or a named core. The benchmark's OpenBLAS rows are an
    /// anchor, so they should be OpenBLAS at its best on whatever CPU runs them, not whatever its detection or a pin gives.
    /// </summary>
    /// <remarks>Must run before anything loads OpenBLAS in this process.</remarks>
    public static OpenBlasChoice Choose(string rule)
    {
        if (rule != Fastest)
        {
            OpenBlasCandidate chosen = rule == AsEnvironment ? OpenBlasCandidate.Environment : OpenBlasCandidate.Forced(rule);
            chosen.ApplyToThisProcess();
            return new(rule, [], chosen.CoreType);
        }

        IReadOnlyList<OpenBlasCandidate> candidates = OpenBlasCandidate.For(OpenBlasCore.Cpu, OpenBlasCandidate.Variables());
        IReadOnlyList<OpenBlasCoreTrial> trials = OpenBlasCoreProbe.Run(candidates);
        OpenBlasCoreTrial? fastest = OpenBlasCoreProbe.Fastest(trials);
        candidates.FirstOrDefault(c => c.Label == fastest?.Candidate)?.ApplyToThisProcess();
        return new(rule, trials, fastest?.Candidate);
    }

    /// <summary>The core the choice expects OpenBLAS to report once loaded, or null when it set none.</summary>
    public string? ExpectedCore() => Trials.Count == 0 ? Chosen : Trials.FirstOrDefault(t => t.Candidate == Chosen)?.Core;

    /// <summary>
    /// <c>fastest of 8 tried: environment → Haswell, own pick → Cooperlake, …</c>: every core tried, without the rates,
    /// which differ from run to run; for a label over several runs.
    /// </summary>
    public string Summarize() =>
        Trials.Count == 0
            ? Describe()
            : $"fastest of {Trials.Count} tried: {string.Join(", ", Trials.Select(t => t.Failure is null ? t.Name() : $"{t.Candidate} (failed)"))}";

    /// <summary><c>fastest of 8 tried (sgemm/dgemm GFLOP/s at 512³, one thread): …</c>, or how else it was chosen.</summary>
    public string Describe() =>
        Trials.Count == 0
            ? Rule == AsEnvironment ? "as the environment pins it" : $"forced to {Rule}"
            : $"fastest of {Trials.Count} tried (sgemm/dgemm GFLOP/s at {OpenBlasCoreProbe.Shape.M}³, one thread): "
                + string.Join(", ", Trials.Select(t => t.Describe()));
}
