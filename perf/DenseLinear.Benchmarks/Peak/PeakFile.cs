using System.Globalization;
using DenseLinear.Benchmarks.Comparison;

namespace DenseLinear.Benchmarks.Peak;

/// <summary>
/// <c>fma-peak.txt</c> beside a run's reports: the peak of the widest accelerated vector in GFLOP/s on the first line
/// (invariant culture), the description on the second, starting with that width (<c>Vector512 ...</c>). <c>chart</c>
/// draws its line from it, so the line is the machine the run was on.
/// </summary>
public static class PeakFile
{
    public const string FileName = "fma-peak.txt";

    public static void Write(string path, PeakMeasurement measurement)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"{measurement.Gflops:F1}\n{measurement.Describe()}\n"));
    }

    /// <summary>
    /// The peak stored beside <paramref name="input"/> (a results directory, or the directory of one report), or
    /// null when there is none. A file that is there but unreadable is an error, not a silent fallback. The width
    /// is null for a file whose second line does not start with one (written before the width was recorded).
    /// </summary>
    public static PeakReading? TryRead(string input)
    {
        string? directory = Directory.Exists(input) ? input : Path.GetDirectoryName(Path.GetFullPath(input));
        string? path = directory is null ? null : Path.Combine(directory, FileName);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        string[] lines = [.. File.ReadLines(path).Take(2)];
        string first = lines.FirstOrDefault() ?? "";
        string? width = lines.ElementAtOrDefault(1)?.Split(' ')[0] is { } word && word.StartsWith("Vector", StringComparison.Ordinal) ? word : null;
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double gflops) && gflops > 0 && double.IsFinite(gflops)
            ? new PeakReading(gflops, width)
            : throw new FormatException($"{path}: the first line should be the peak in GFLOP/s, found '{first}'.");
    }

    /// <summary>
    /// The median of the peaks stored beside <paramref name="inputs"/> (one per run), with the width only when they
    /// all name the same one; null when none of them has a peak file.
    /// </summary>
    public static PeakReading? TryReadMedian(IEnumerable<string> inputs)
    {
        PeakReading[] found = [.. inputs.Select(TryRead).OfType<PeakReading>()];
        if (found.Length == 0)
        {
            return null;
        }

        string?[] widths = [.. found.Select(p => p.Width).Distinct()];
        return new PeakReading(MultiRun.Median([.. found.Select(p => p.Gflops)]), widths.Length == 1 ? widths[0] : null);
    }
}
