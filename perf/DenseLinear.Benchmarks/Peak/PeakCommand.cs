using DenseLinear.Benchmarks.Cli;

namespace DenseLinear.Benchmarks.Peak;

/// <summary>
/// <c>peak [--output BenchmarkDotNet.Artifacts/results/fma-peak.txt] [--trials 7] [--seconds 0.25]</c>: measures
/// <see cref="FmaPeak"/> on the calling core, prints it and writes <see cref="PeakFile"/>.
/// </summary>
public static class PeakCommand
{
    public const string DefaultOutput = "BenchmarkDotNet.Artifacts/results/" + PeakFile.FileName;

    public static int Run(IEnumerable<string> args)
    {
        try
        {
            var options = new CommandOptions(args);
            string output = options.Optional("--output") ?? DefaultOutput;
            int trials = checked((int)options.Number("--trials", 7));
            double seconds = options.Number("--seconds", 0.25);
            if (trials < 1 || !(seconds > 0 && seconds <= 60))
            {
                throw new ArgumentException($"--trials must be at least 1 and --seconds in (0, 60]; got {trials} and {seconds}.");
            }

            PeakMeasurement measurement = FmaPeak.Measure(trials, TimeSpan.FromSeconds(seconds));
            if (double.IsNaN(measurement.Gflops))
            {
                Console.WriteLine("peak: no hardware-accelerated Vector256 or Vector512 here; nothing written.");
                return 0;
            }

            PeakFile.Write(output, measurement);
            Console.WriteLine($"peak: {measurement.Describe()}; wrote {output}");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"peak: {e.Message}");
            Console.Error.WriteLine("usage: peak [--output <file>] [--trials 7] [--seconds 0.25]");
            return 2;
        }
    }
}
