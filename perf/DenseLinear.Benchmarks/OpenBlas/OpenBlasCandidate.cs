namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// One way to load OpenBLAS: as the environment pins it, left to pick its own core, or forced to a named core.
/// </summary>
/// <param name="Label">What the run info prints: <c>own pick</c>, <c>environment</c> or the core's name.</param>
/// <param name="CoreType">The <c>OPENBLAS_CORETYPE</c> it sets, or null for none.</param>
/// <param name="KeepsEnvironment">True to leave every <c>OPENBLAS_*</c> variable as the process got it.</param>
public sealed record OpenBlasCandidate(string Label, string? CoreType, bool KeepsEnvironment)
{
    public const string CoreTypeVariable = "OPENBLAS_CORETYPE";

    public const string L2SizeVariable = "OPENBLAS_L2_SIZE";

    /// <summary>The environment's pin, as the process got it.</summary>
    public static OpenBlasCandidate Environment { get; } = new("environment", null, true);

    /// <summary>No pin: OpenBLAS detects the CPU itself.</summary>
    public static OpenBlasCandidate OwnPick { get; } = new("own pick", null, false);

    /// <summary>Forced to <paramref name="core"/>; the environment's L2 size is dropped, so the core's own blocking applies.</summary>
    public static OpenBlasCandidate Forced(string core) => new(core, core, false);

    /// <summary>
    /// Every candidate worth timing on a CPU of level <paramref name="cpu"/>: the environment's pin when there is one,
    /// OpenBLAS's own pick, and each <see cref="OpenBlasCore.Known"/> core the CPU can execute.
    /// </summary>
    public static IReadOnlyList<OpenBlasCandidate> For(InstructionLevel cpu, IReadOnlyDictionary<string, string> variables)
    {
        List<OpenBlasCandidate> candidates = [];
        if (variables.Count > 0)
        {
            candidates.Add(Environment);
        }

        candidates.Add(OwnPick);
        candidates.AddRange(OpenBlasCore.Known.Where(c => c.Needs <= cpu).Select(c => Forced(c.Name)));
        return candidates;
    }

    /// <summary>The <c>OPENBLAS_*</c> settings this candidate makes: a value to set, or null to remove.</summary>
    public IReadOnlyList<(string Name, string? Value)> Settings =>
        KeepsEnvironment ? [] : [(CoreTypeVariable, CoreType), (L2SizeVariable, null)];

    /// <summary>Applies <see cref="Settings"/> to this process before OpenBLAS loads (and to the processes it starts).</summary>
    public void ApplyToThisProcess()
    {
        foreach ((string name, string? value) in Settings)
        {
            NativeEnvironment.Set(name, value);
        }
    }
}
