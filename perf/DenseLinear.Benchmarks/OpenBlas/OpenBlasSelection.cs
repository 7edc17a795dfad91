namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// Chooses the core OpenBLAS will load in this process, before it loads: the fastest that computes correctly (the
/// default), the environment's pin as it is, or a named core. The benchmark's OpenBLAS rows are an anchor, so they
/// should be OpenBLAS at its best on whatever CPU runs them, not at whatever its detection or a pin gives.
/// </summary>
public static class OpenBlasSelection
{
    /// <summary>Applies <paramref name="rule"/> (<see cref="OpenBlasChoice.Fastest"/>, <see cref="OpenBlasChoice.AsEnvironment"/> or a core's name).</summary>
    /// <remarks>Must run before anything loads OpenBLAS in this process.</remarks>
    public static OpenBlasChoice Choose(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule == OpenBlasChoice.AsEnvironment)
        {
            return new(rule, [], null);
        }

        if (rule != OpenBlasChoice.Fastest)
        {
            OpenBlasCandidate.Forced(rule).ApplyToThisProcess();
            return new(rule, [], rule);
        }

        IReadOnlyList<OpenBlasCandidate> candidates = OpenBlasCandidate.For(ProcessInstructionLevel.Current, OpenBlasEnvironment.Capture());
        IReadOnlyList<OpenBlasCoreTrial> trials = OpenBlasCoreProbe.Run(candidates);
        OpenBlasCoreTrial? fastest = OpenBlasCoreProbe.Fastest(trials);
        candidates.FirstOrDefault(c => c.Label == fastest?.Candidate)?.ApplyToThisProcess();
        return new(rule, trials, fastest?.Candidate);
    }

    /// <summary>The core the choice expects OpenBLAS to report once loaded, or null when it set none.</summary>
    public static string? ExpectedCore(OpenBlasChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Trials.Count == 0 ? choice.Chosen : choice.Trials.FirstOrDefault(t => t.Candidate == choice.Chosen)?.Core;
    }
}
