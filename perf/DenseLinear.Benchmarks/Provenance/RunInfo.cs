using System.Text.Json;
using DenseLinear.Benchmarks.LibTorch;
using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.Provenance;

/// <summary>
/// What a run timed against: the OpenBLAS core, how it was chosen and the variables it loaded under, and the CPU.
/// Written by the run itself as <see cref="FileName"/> into each folder it left reports in, so the record sits where
/// the numbers are and moves with them: BenchmarkDotNet's JSON has the processor but not the BLAS.
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
    string? OpenBlasCore, string? OpenBlasConfig, IReadOnlyDictionary<string, string> OpenBlasVariables, string? CpuModel,
    OpenBlasChoice? OpenBlasChoice = null, string? OpenBlasWarning = null, string? LibTorch = null, string? Blocking = null)
{
    public const string FileName = "run-info.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>
    /// <c>Cooperlake (unpinned; fastest of 8 tried …)</c>, <c>Haswell (OPENBLAS_CORETYPE=Haswell, …; as the
    /// environment pins it)</c>, or why there is none; a warning last when the core is generic.
    /// </summary>
    public string OpenBlasText => CoreText(OpenBlasChoice?.Describe());

    /// <summary>The running process after <paramref name="choice"/> was applied: loads OpenBLAS if it is installed.</summary>
    public static RunInfo Capture(OpenBlasChoice? choice)
    {
        string? core = OpenBlasLibrary.IsAvailable ? OpenBlasLibrary.CoreName ?? "unknown (no openblas_get_corename)" : null;
        return new(
            core,
            OpenBlasLibrary.IsAvailable ? OpenBlasLibrary.Describe() : null,
            OpenBlasCandidate.Variables(),
            ReadCpuModel(),
            choice,
            core is null ? null : OpenBlas.OpenBlasCore.GenericWarning(core, OpenBlas.OpenBlasCore.Cpu),
            LibTorchLibrary.Describe(),
            $"{GemmBlocking<float>.Machine} (double: MC {GemmBlocking<double>.Machine.MC}, NC {GemmBlocking<double>.Machine.NC})");
    }

    /// <summary>
    /// The record under <paramref name="input"/> (a results directory, searched like the reports, or the folder of
    /// one report); null when there is none. Several that disagree are an error: the input mixes runs.
    /// </summary>
    public static RunInfo? TryRead(string input)
    {
        string[] paths = Directory.Exists(input)
            ? Directory.GetFiles(input, FileName, SearchOption.AllDirectories)
            : [Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input)) ?? ".", FileName)];
        RunInfo[] infos = [.. paths.Where(File.Exists).Order(StringComparer.Ordinal).Select(path =>
            JsonSerializer.Deserialize<RunInfo>(File.ReadAllText(path), Options) ?? throw new FormatException($"{path}: empty {FileName}."))];
        if (infos.Select(i => i.Describe()).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new FormatException($"{input} holds {FileName} files of different runs; pass each run's results folder on its own.");
        }

        return infos.FirstOrDefault();
    }

    /// <summary>Writes the record into <paramref name="directory"/> and returns the file's path.</summary>
    public string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");
        return path;
    }

    /// <summary>
    /// The line a table or chart prints for the runs it shows: <see cref="Describe"/> with the probe's trials named
    /// but not their rates, so runs that chose alike share one label.
    /// </summary>
    public string Summarize() => Line(CoreText(OpenBlasChoice?.Summarize()));

    /// <summary>The one line the run log prints, with each probed core's rates.</summary>
    public string Describe() => Line(OpenBlasText);

    /// <summary>
    /// <c>AMD EPYC (family 26, model 2)</c> from Linux's <c>/proc/cpuinfo</c>, or null elsewhere. A virtual machine may
    /// report only the brand, so the family and model, which name the generation, follow it when the kernel gives them.
    /// </summary>
    private static string? ReadCpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (!File.Exists(CpuInfo))
        {
            return null;
        }

        // The first processor's "name : value" lines, up to the blank line that ends its block.
        Dictionary<string, string> fields = File.ReadLines(CpuInfo).TakeWhile(l => l.Length > 0)
            .Select(l => l.Split(':', 2)).Where(p => p.Length == 2).DistinctBy(p => p[0].Trim()).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        string? model = fields.GetValueOrDefault("model name");
        return string.IsNullOrEmpty(model) ? null
            : fields.GetValueOrDefault("cpu family") is { Length: > 0 } family && fields.GetValueOrDefault("model") is { Length: > 0 } number
                ? $"{model} (family {family}, model {number})"
                : model;
    }

    private string Line(string coreText) =>
        $"CPU: {CpuModel ?? "unknown"}; OpenBLAS core: {coreText}" + (LibTorch is null ? "" : $"; {LibTorch}")
            + (Blocking is null ? "" : $"; blocking: {Blocking}");

    /// <summary>The core, its variables, <paramref name="choice"/> (how it was chosen) and the warning.</summary>
    private string CoreText(string? choice) =>
        OpenBlasCore is null
            ? "none (OpenBLAS not found)"
            : $"{OpenBlasCore} ({OpenBlasCandidate.Describe(OpenBlasVariables)}{(choice is null ? "" : "; " + choice)})"
                + (OpenBlasWarning is null ? "" : $" WARNING: {OpenBlasWarning}");
}
