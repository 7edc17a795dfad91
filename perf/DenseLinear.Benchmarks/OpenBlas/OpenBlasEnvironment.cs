using System.Collections;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// The <c>OPENBLAS_*</c> variables this process was started with. OpenBLAS reads them when it loads
/// (<c>OPENBLAS_CORETYPE</c> forces a kernel family), and on Linux .NET cannot change the native environment it
/// sees, so they are reported, never set: perf/bench.sh removes them at launch when OpenBLAS should pick its own core.
/// </summary>
internal static class OpenBlasEnvironment
{
    public const string Prefix = "OPENBLAS_";

    /// <summary>Every <c>OPENBLAS_*</c> variable that is set, by name.</summary>
    public static SortedDictionary<string, string> Capture()
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.Ordinal) && entry.Value is string value)
            {
                variables[name] = value;
            }
        }

        return variables;
    }

    /// <summary><c>unpinned</c> when none is set, else <c>NAME=value, ...</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> variables) =>
        variables.Count == 0
            ? "unpinned"
            : string.Join(", ", variables.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
