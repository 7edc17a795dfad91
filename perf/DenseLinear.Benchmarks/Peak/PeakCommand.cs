using System.CommandLine;
using DenseLinear.Benchmarks.Cli;

namespace DenseLinear.Benchmarks.Peak;

/// <summary><c>peak</c>: measures <see cref="FmaPeak"/> on the calling core, prints it and writes <see cref="PeakFile"/>.</summary>
public static class PeakCommand
{
    public const string DefaultOutput = "BenchmarkDotNet.Artifacts/results/" + PeakFile.FileName;

    public static Command Create()
    {
        Option<string> output = CliOptions.Last("--output", "The peak file to write.", DefaultOutput);
        Option<int> trials = CliOptions.Last("--trials", "Trials per vector width; the best counts.", 7);
        Option<double> seconds = CliOptions.Last("--seconds", "Seconds per trial, in (0, 60].", 0.25);
        var command = new Command("peak", "Measures the core's single-core float32 FMA ceiling, the chart's line.") { output, trials, seconds };
        command.SetCheckedAction(r =>
        {
            (int count, double time) = (r.GetValue(trials), r.GetValue(seconds));
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

            PeakFile.Write(r.GetRequiredValue(output), measurement);
            Console.WriteLine($"peak: {measurement.Describe()}; wrote {r.GetValue(output)}");
            return 0;
        });
        return command;
    }
}
