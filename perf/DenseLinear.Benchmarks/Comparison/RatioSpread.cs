using System.Globalization;

namespace DenseLinear.Benchmarks.Comparison;

/// <summary>One same-run ratio over several runs: the median of the per-run ratios and their range.</summary>
/// <param name="Median">The median of the runs' ratios (the verdict's number).</param>
/// <param name="Min">The smallest run's ratio.</param>
/// <param name="Max">The largest run's ratio.</param>
/// <param name="Runs">How many runs had the case; fewer than were given when a run lacks it.</param>
public readonly record struct RatioSpread(double Median, double Min, double Max, int Runs)
{
    /// <summary>
    /// <c>0.952</c> for a single run; <c>0.952 (0.941–0.967)</c> over several, with <c>; 2 of 3 runs</c> inside the
    /// parentheses when some runs lack the case.
    /// </summary>
    public string Format(int totalRuns)
    {
        string median = F(Median);
        if (totalRuns <= 1)
        {
            return median;
        }

        string range = Runs > 1 ? $"{F(Min)}–{F(Max)}" : "";
        string missing = Runs < totalRuns ? $"{Runs} of {totalRuns} runs" : "";
        return $"{median} ({string.Join("; ", new[] { range, missing }.Where(s => s.Length > 0))})";
    }

    /// <summary>
    /// The same spread as a speed, reference time over row time (above 1 is faster), the direction every table and
    /// column prints: the reciprocal of each number, so the fastest run becomes the maximum.
    /// </summary>
    public RatioSpread AsSpeed() => new(1 / Median, 1 / Max, 1 / Min, Runs);

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
