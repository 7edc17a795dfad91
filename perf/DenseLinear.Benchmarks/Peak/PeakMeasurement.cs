using System.Globalization;

namespace DenseLinear.Benchmarks.Peak;

/// <summary>What <see cref="FmaPeak.Measure"/> saw: GFLOP/s per vector width (NaN where the width is not accelerated).</summary>
public sealed record PeakMeasurement(double Vector256Gflops, double Vector512Gflops, int Trials, TimeSpan TrialTime)
{
    /// <summary>
    /// The widest hardware-accelerated vector: Vector512 where <c>Vector512.IsHardwareAccelerated</c>, else Vector256;
    /// null when neither ran. The ceiling is that width's number, even where the narrower one timed a little higher.
    /// </summary>
    public string? Width => !double.IsNaN(Vector512Gflops) ? "Vector512" : !double.IsNaN(Vector256Gflops) ? "Vector256" : null;

    /// <summary>The machine's single-core float32 ceiling at <see cref="Width"/>; NaN when neither ran.</summary>
    public double Gflops => double.IsNaN(Vector512Gflops) ? Vector256Gflops : Vector512Gflops;

    /// <summary>The one-line report that <c>peak</c> prints and writes under the file's number; it starts with the width.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Width ?? "no vector"} single-core float32 FMA peak {Gflops:F1} GFLOP/s (the widest accelerated vector; register-only FMA loop, "
            + $"best of {Trials} trial{(Trials == 1 ? "" : "s")} of {TrialTime.TotalSeconds:0.##} s; "
            + $"Vector256 {Format(Vector256Gflops)}, Vector512 {Format(Vector512Gflops)})");

    private static string Format(double gflops) =>
        double.IsNaN(gflops) ? "not accelerated" : gflops.ToString("F1", CultureInfo.InvariantCulture);
}
