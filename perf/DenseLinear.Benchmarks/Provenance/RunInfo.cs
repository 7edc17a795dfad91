using DenseLinear.Benchmarks.LibTorch;
using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.Provenance;

/// <summary>
/// What a run timed against: the OpenBLAS core, how it was chosen and the variables it loaded under, and the CPU.
/// Written beside the reports as <see cref="RunInfoFile.FileName"/> because BenchmarkDotNet's JSON has the processor
/// but not the BLAS.
/// </summary>
/// <param name="OpenBlasCore">The <c>openblas_get_corename</c> of the run, or null when OpenBLAS was not loaded.</param>
/// <param name="OpenBlasConfig">The <c>openblas_get_config</c> build string, or null.</param>
/// <param name="OpenBlasVariables">The <c>OPENBLAS_*</c> variables OpenBLAS loaded under.</param>
/// <param name="CpuModel">The CPU model name, or null when it could not be read.</param>
/// <param name="OpenBlasChoice">How the core was chosen and every core tried, or null in records that predate it.</param>
/// <param name="OpenBlasWarning">Why the core is a weak anchor (a generic core on an FMA CPU), or null.</param>
/// <param name="LibTorch">libtorch's version and binding, or why it did not load; null in older records.</param>
/// <param name="Blocking">The packed kernels' <see cref="GemmBlocking{T}"/> for float, with double's MC and NC, or null in older records.</param>
public sealed record RunInfo(
    string? OpenBlasCore,
    string? OpenBlasConfig,
    IReadOnlyDictionary<string, string> OpenBlasVariables,
    string? CpuModel,
    OpenBlasChoice? OpenBlasChoice = null,
    string? OpenBlasWarning = null,
    string? LibTorch = null,
    string? Blocking = null)
{
    /// <summary>The running process after <paramref name="choice"/> was applied: loads OpenBLAS if it is installed.</summary>
    public static RunInfo Capture(OpenBlasChoice? choice)
    {
        string? core = OpenBlasLibrary.IsAvailable ? OpenBlasLibrary.CoreName ?? "unknown (no openblas_get_corename)" : null;
        string? warning = core is null ? null : OpenBlas.OpenBlasCore.GenericWarning(core, ProcessInstructionLevel.Current);
        return new(
            core,
            OpenBlasLibrary.IsAvailable ? OpenBlasLibrary.Describe() : null,
            OpenBlasEnvironment.Capture(),
            Provenance.CpuModel.TryRead(),
            choice,
            warning,
            LibTorchLibrary.Describe(),
            $"{GemmBlocking<float>.Machine} (double: MC {GemmBlocking<double>.Machine.MC}, NC {GemmBlocking<double>.Machine.NC})");
    }

    /// <summary>
    /// <c>Cooperlake (unpinned; fastest of 8 tried …)</c>, <c>Haswell (OPENBLAS_CORETYPE=Haswell, …; as the
    /// environment pins it)</c>, or why there is none; a warning last when the core is generic.
    /// </summary>
    public string OpenBlasText => CoreText(OpenBlasChoice?.Describe());

    /// <summary>
    /// The line a table or chart prints for the runs it shows: <see cref="Describe"/> with the probe's trials named
    /// but not their rates, so runs that chose alike share one label.
    /// </summary>
    public string Summarize() => Line(CoreText(OpenBlasChoice?.Summarize()));

    /// <summary>The one line the run log prints, with each probed core's rates.</summary>
    public string Describe() => Line(OpenBlasText);

    private string Line(string coreText) =>
        $"CPU: {CpuModel ?? "unknown"}; OpenBLAS core: {coreText}" + (LibTorch is null ? "" : $"; {LibTorch}") + (Blocking is null ? "" : $"; blocking: {Blocking}");

    /// <summary>The core, its variables, <paramref name="choice"/> (how it was chosen) and the warning.</summary>
    private string CoreText(string? choice) =>
        OpenBlasCore is null
            ? "none (OpenBLAS not found)"
            : $"{OpenBlasCore} ({OpenBlasEnvironment.Describe(OpenBlasVariables)}{(choice is null ? "" : "; " + choice)})"
                + (OpenBlasWarning is null ? "" : $" WARNING: {OpenBlasWarning}");
}
