namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>What one <see cref="OpenBlasCandidate"/> gave in a process of its own.</summary>
/// <param name="Candidate">The candidate's label.</param>
/// <param name="Core">The core OpenBLAS reported after loading (<c>openblas_get_corename</c>), or null.</param>
/// <param name="SgemmGflops">The best single-thread sgemm rate at <see cref="OpenBlasCoreProbe.Shape"/>, or null.</param>
/// <param name="DgemmGflops">The same for dgemm, or null.</param>
/// <param name="Failure">Why the candidate cannot be the anchor (a crash, a wrong result, a core this build lacks), or null.</param>
public sealed record OpenBlasCoreTrial(string Candidate, string? Core, double? SgemmGflops, double? DgemmGflops, string? Failure)
{
    /// <summary>The geometric mean of the two rates: the float and the double suites both anchor on the chosen core.</summary>
    public double? Score => Failure is null && SgemmGflops is > 0 && DgemmGflops is > 0 ? Math.Sqrt(SgemmGflops.Value * DgemmGflops.Value) : null;

    /// <summary>The better of two trials of one candidate: the faster of each rate, and any failure kept.</summary>
    public OpenBlasCoreTrial Best(OpenBlasCoreTrial other) => this with
    {
        Core = Core ?? other.Core,
        SgemmGflops = Max(SgemmGflops, other.SgemmGflops),
        DgemmGflops = Max(DgemmGflops, other.DgemmGflops),
        Failure = Failure ?? other.Failure,
    };

    /// <summary><c>own pick → Cooperlake</c>, or the label alone where the core is the candidate's or unknown.</summary>
    public string Name() => Core is null || Core == Candidate ? Candidate : $"{Candidate} → {Core}";

    /// <summary><c>Cooperlake 201/98 GFLOP/s</c>, or the core and why it failed.</summary>
    public string Describe() =>
        Failure is null ? FormattableString.Invariant($"{Name()} {SgemmGflops:F0}/{DgemmGflops:F0}") : $"{Name()} failed: {Failure}";

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
