using System.CommandLine;
using System.Globalization;
using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;

namespace DenseLinear.Benchmarks.Peak;

/// <summary>
/// <c>peak</c>: measures <see cref="FmaPeak"/> on the calling core, prints it and writes <see cref="FileName"/> beside
/// a run's reports: the peak of the widest accelerated vector in GFLOP/s on the first line (invariant culture), the
/// description on the second, starting with that width (<c>Vector512 ...</c>). <c>chart</c> draws its line from it,
/// so the line is the machine the run was on.
/// </summary>
public static class PeakCommand
{
    public const string FileName = "fma-peak.txt";

    public static Command Create()
    {
        Option<string> output = CliOptions.Last("--output", "The peak file to write.", "BenchmarkDotNet.Artifacts/results/" + FileName);
        Option<int> trials = CliOptions.Last("--trials", "Trials per vector width; the best counts.", 7);
        Option<double> seconds = CliOptions.Last("--seconds", "Seconds per trial, in (0, 60].", 0.25);
        var command = new Command("peak", "Measures the core's single-core float32 FMA ceiling, the chart's line.") { output, trials, seconds };
        command.SetCheckedAction(r =>
        {
            (int count, double time, string path) = (r.GetValue(trials), r.GetValue(seconds), r.GetRequiredValue(output));
            if (count < 1 || !(time > 0 && time <= 60))
            {
                throw new ArgumentException($"--trials must be at least 1 and --seconds in (0, 60]; got {count} and {time}.");
            }

            PeakMeasurement measurement = FmaPeak.Measure(count, TimeSpan.FromSeconds(time));
            if (double.IsNaN(measurement.Gflops))
            {
                Console.WriteLine("peak: no hardware-accelerated Vector256 or Vector512 here; nothing written.");
                return 0;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"{measurement.Gflops:F1}\n{measurement.Describe()}\n"));
            Console.WriteLine($"peak: {measurement.Describe()}; wrote {path}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The peak stored beside <paramref name="input"/> (a results directory, or the directory of one report), or
    /// null when there is none. A file that is there but unreadable is an error, not a silent fallback. The width
    /// is null for a file whose second line does not start with one (written before the width was recorded).
    /// </summary>
    public static PeakReading? TryRead(string input)
    {
        string path = Path.Combine(Directory.Exists(input) ? input : Path.GetDirectoryName(Path.GetFullPath(input)) ?? "", FileName);
        if (!File.Exists(path))
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
        string?[] widths = [.. found.Select(p => p.Width).Distinct()];
        return found.Length == 0 ? null : new PeakReading(MultiRun.Median([.. found.Select(p => p.Gflops)]), widths.Length == 1 ? widths[0] : null);
    }
}
