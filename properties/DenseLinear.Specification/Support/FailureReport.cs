using System.Text;
using System.Text.RegularExpressions;

namespace DenseLinear.Specification.Support;

/// <summary>
/// Rewrites FsCheck's failure report for the reader: without the <c>&lt;null&gt;</c> line FsCheck prints for a
/// property method's own (absent) arguments before every case, and with the command that replays the run, the exact
/// <see cref="SpecificationSettings.ReplayVariable"/> value included.
/// </summary>
public static partial class FailureReport
{
    /// <summary>The message FsCheck gives a property that returned false; the label above it says what failed.</summary>
    public const string BareFalse = "Expected true, got false.";

    /// <summary>
    /// <paramref name="report"/> (FsCheck's "Falsifiable, after …" text) without its <c>&lt;null&gt;</c> lines, and, when
    /// it names the run's seed, followed by <c>Replay: DENSELINEAR_REPLAY="seed,gamma" dotnet test -c Release --filter
    /// "FullyQualifiedName~<paramref name="test"/>"</c>. Any other text is returned unchanged.
    /// </summary>
    /// <param name="report">The failure message.</param>
    /// <param name="test">The test's class (without namespace or enclosing classes) and method, <c>Class.Method</c>.</param>
    public static string Clean(string report, string test)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(test);
        Match seed = RunSeed().Match(report);
        if (!seed.Success)
        {
            return report;
        }

        var cleaned = new StringBuilder();
        foreach (string line in report.Split('\n'))
        {
            if (line.TrimEnd('\r').Trim() != "<null>")
            {
                cleaned.Append(line).Append('\n');
            }
        }

        string text = cleaned.ToString().TrimEnd('\n', '\r');
        return $"{text}\nReplay: {SpecificationSettings.ReplayVariable}=\"{seed.Groups[1].Value},{seed.Groups[2].Value}\" dotnet test -c Release --filter \"FullyQualifiedName~{test}\"";
    }

    /// <summary><c>Class.Method</c> for a test's full class name (namespace, enclosing classes joined by <c>+</c>) and method.</summary>
    public static string TestName(string className, string method)
    {
        ArgumentNullException.ThrowIfNull(className);
        int last = Math.Max(className.LastIndexOf('.'), className.LastIndexOf('+'));
        return $"{className[(last + 1)..]}.{method}";
    }

    // "Falsifiable, after 12 tests (1 shrink) (15274736299120933764,6519702057938142657)."
    [GeneratedRegex(@"Falsifiable, after \d+ tests? \([^)]*\) \((\d+),(\d+)\)")]
    private static partial Regex RunSeed();
}
