using System.Collections;
using System.Runtime.InteropServices;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// One way to load OpenBLAS: as the environment pins it, left to pick its own core, or forced to a named core.
/// OpenBLAS reads its <c>OPENBLAS_*</c> variables once, when it loads (<c>OPENBLAS_CORETYPE</c> forces a kernel family).
/// </summary>
/// <param name="Label">What the run info prints: <c>own pick</c>, <c>environment</c> or the core's name.</param>
/// <param name="CoreType">The <c>OPENBLAS_CORETYPE</c> it sets, or null for none.</param>
/// <param name="KeepsEnvironment">True to leave every <c>OPENBLAS_*</c> variable as the process got it.</param>
public sealed partial record OpenBlasCandidate(string Label, string? CoreType, bool KeepsEnvironment)
{
    /// <summary>The environment's pin, as the process got it.</summary>
    public static OpenBlasCandidate Environment { get; } = new("environment", null, true);

    /// <summary>No pin: OpenBLAS detects the CPU itself.</summary>
    public static OpenBlasCandidate OwnPick { get; } = new("own pick", null, false);

    /// <summary>The <c>OPENBLAS_*</c> settings this candidate makes: a value to set, or null to remove.</summary>
    public IReadOnlyList<(string Name, string? Value)> Settings =>
        KeepsEnvironment ? [] : [("OPENBLAS_CORETYPE", CoreType), ("OPENBLAS_L2_SIZE", null)];

    /// <summary>Forced to <paramref name="core"/>; the environment's L2 size is dropped, so the core's own blocking applies.</summary>
    public static OpenBlasCandidate Forced(string core) => new(core, core, false);

    /// <summary>
    /// Every candidate worth timing on a CPU of level <paramref name="cpu"/>: the environment's pin when there is one,
    /// OpenBLAS's own pick, and each <see cref="OpenBlasCore.Known"/> core the CPU can execute.
    /// </summary>
    public static IReadOnlyList<OpenBlasCandidate> For(InstructionLevel cpu, IReadOnlyDictionary<string, string> variables) =>
        [.. variables.Count > 0 ? [Environment] : Array.Empty<OpenBlasCandidate>(), OwnPick,
            .. OpenBlasCore.Known.Where(c => c.Needs <= cpu).Select(c => Forced(c.Name))];

    /// <summary>Every <c>OPENBLAS_*</c> variable this process was started with (or has set since), by name.</summary>
    public static SortedDictionary<string, string> Variables() =>
        new(System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(e => e.Key is string name && name.StartsWith("OPENBLAS_", StringComparison.Ordinal) && e.Value is string)
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!), StringComparer.Ordinal);

    /// <summary><c>unpinned</c> when none is set, else <c>NAME=value, ...</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> variables) =>
        variables.Count == 0
            ? "unpinned"
            : string.Join(", ", variables.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>
    /// Applies <see cref="Settings"/> to this process before OpenBLAS loads, and to the processes it starts. On Unix
    /// .NET keeps its own copy of the environment, so a library that calls <c>getenv</c> when it loads sees only what
    /// libc's <c>setenv</c> wrote; child processes get the managed copy.
    /// </summary>
    public void ApplyToThisProcess()
    {
        foreach ((string name, string? value) in Settings)
        {
            System.Environment.SetEnvironmentVariable(name, value);
            if (!OperatingSystem.IsWindows() && (value is null ? UnsetEnv(name) : SetEnv(name, value, 1)) != 0)
            {
                string what = value is null ? "remove" : "set";
                throw new InvalidOperationException($"libc could not {what} {name} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int UnsetEnv(string name);
}
