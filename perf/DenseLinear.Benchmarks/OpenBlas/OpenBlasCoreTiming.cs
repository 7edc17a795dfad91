using System.CommandLine;
using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// The child's side of the core probe (<c>openblas-core-trial</c>): loads OpenBLAS as the environment it was started
/// with says, checks its results against the naive kernel, times one-thread sgemm and dgemm, and prints one JSON line.
/// </summary>
public static class OpenBlasCoreTiming
{
    public const string Command = "openblas-core-trial";

    /// <summary>Large enough to run each core's packed kernels, small enough to time in a fraction of a second.</summary>
    public static MatMulShape Shape { get; } = MatMulShape.Square(512);

    private static readonly TimeSpan TimePerRoutine = TimeSpan.FromMilliseconds(200);

    /// <summary>Hidden: the probe starts it, one process per candidate.</summary>
    public static Command Create()
    {
        var command = new Command(Command, "One candidate of the core probe, in a process of its own.") { Hidden = true };
        command.SetAction(_ => Run());
        return command;
    }

    private static int Run()
    {
        OpenBlasCoreTrial trial;
        if (!OpenBlasLibrary.IsAvailable)
        {
            trial = new("", null, null, null, $"OpenBLAS {OpenBlasLibrary.Describe()}");
        }
        else
        {
            OpenBlasLibrary.SetThreads(1);
            IReadOnlyList<string> failures = OpenBlasCheck.Failures;
            trial = failures.Count > 0
                ? new("", OpenBlasLibrary.CoreName, null, null, "wrong results: " + string.Join(" ", failures))
                : new("", OpenBlasLibrary.CoreName, Gflops<float>(), Gflops<double>(), null);
        }

        Console.WriteLine(JsonSerializer.Serialize(trial));
        return 0;
    }

    /// <summary>The fastest of repeated calls after one warm-up: on a shared machine the minimum is the least disturbed.</summary>
    private static double Gflops<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = new MatMulData<T>(Shape, WeightLayout.InOut);
        OpenBlasMultiply.Multiply<T>(data.X, data.W, data.Y, data.Shape, data.Layout);
        double best = double.MaxValue;
        var total = Stopwatch.StartNew();
        do
        {
            long start = Stopwatch.GetTimestamp();
            OpenBlasMultiply.Multiply<T>(data.X, data.W, data.Y, data.Shape, data.Layout);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        while (total.Elapsed < TimePerRoutine);
        return Shape.Flops / best / 1e9;
    }
}
