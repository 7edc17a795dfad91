using System.Globalization;

namespace DenseLinear.Benchmarks.Peak;

/// <summary>What <see cref="FmaPeak.Measure"/> saw: GFLOP/s per vector width (NaN where the width is not accelerated).</summary>
public sealed record PeakMeasurement(double Vector256Gflops, double Vector512Gflops, int Trials, TimeSpan TrialTime)
{
    /// <summary>The machine's single-core float32 ceiling: the larger width; NaN when neither ran.</summary>
    public double Gflops => double.IsNaN(Vector512Gflops) ? Vector256Gflops : Math.Max(Vector256Gflops, Vector512Gflops);

    /// <summary>The one-line report that <c>peak</c> prints and writes under the file's number.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"single-core float32 FMA peak {Gflops:F1} GFLOP/s (register-only FMA loop, best of {Trials} trial{(Trials == 1 ? "" : "s")} of {TrialTime.TotalSeconds:0.##} s; Vector256 {Format(Vector256Gflops)}, Vector512 {Format(Vector512Gflops)})");

    private static string Format(double gflops) =>
        double.IsNaN(gflops) ? "not accelerated" : gflops.ToString("F1", CultureInfo.InvariantCulture);
}
