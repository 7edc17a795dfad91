using DenseLinear.Benchmarks.OpenBlas;

namespace DenseLinear.Benchmarks.Provenance;

/// <summary>
/// What a run timed against: the OpenBLAS core and the variables that chose it, and the CPU. Written beside the
/// reports as <see cref="RunInfoFile.FileName"/> because BenchmarkDotNet's JSON has the processor but not the BLAS.
/// </summary>
/// <param name="OpenBlasCore">The <c>openblas_get_corename</c> of the run, or null when OpenBLAS was not loaded.</param>
/// <param name="OpenBlasConfig">The <c>openblas_get_config</c> build string, or null.</param>
/// <param name="OpenBlasVariables">The <c>OPENBLAS_*</c> variables the run was started with.</param>
/// <param name="CpuModel">The CPU model name, or null when it could not be read.</param>
public sealed record RunInfo(string? OpenBlasCore, string? OpenBlasConfig, IReadOnlyDictionary<string, string> OpenBlasVariables, string? CpuModel)
{
    /// <summary>The running process: loads OpenBLAS if it is installed.</summary>
    public static RunInfo Capture() =>
        new(
            OpenBlasLibrary.IsAvailable ? OpenBlasLibrary.CoreName ?? "unknown (no openblas_get_corename)" : null,
            OpenBlasLibrary.IsAvailable ? OpenBlasLibrary.Describe() : null,
            OpenBlasEnvironment.Capture(),
            Provenance.CpuModel.TryRead());

    /// <summary><c>Cooperlake (unpinned)</c>, <c>Haswell (OPENBLAS_CORETYPE=Haswell, ...)</c>, or why there is none.</summary>
    public string OpenBlasText =>
        OpenBlasCore is null ? "none (OpenBLAS not found)" : $"{OpenBlasCore} ({OpenBlasEnvironment.Describe(OpenBlasVariables)})";

    /// <summary>The one line the run log, the table and the chart print.</summary>
    public string Describe() => $"CPU: {CpuModel ?? "unknown"}; OpenBLAS core: {OpenBlasText}";
}
