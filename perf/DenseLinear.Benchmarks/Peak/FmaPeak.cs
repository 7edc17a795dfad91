using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DenseLinear.Benchmarks.Peak;

/// <summary>
/// The single-core float32 FMA ceiling, measured: a loop of independent fused multiply-adds on registers only (no
/// loads, no stores), so nothing but the FMA pipes and the clock limits it. No GEMM can beat this number.
/// </summary>
/// <remarks>
/// Twelve accumulators: a chain issues one FMA per latency (4 or 5 cycles), so 2 pipes need at
/// least 8 to 10 chains in flight; 12 leaves room and still fits 16 registers next to the two operands. Both widths are
/// measured where accelerated; the ceiling is the widest accelerated one (<see cref="PeakMeasurement.Width"/>), the
/// most a kernel can get from this core, whether or not the library's kernels use that width yet.
/// </remarks>
public static class FmaPeak
{
    /// <summary>Flops in one inner iteration: 12 FMAs of 2 flops each per lane.</summary>
    private const int FlopsPerLanePerIteration = 12 * 2;

    /// <summary>The best GFLOP/s over <paramref name="trials"/> trials of about <paramref name="trialTime"/> each.</summary>
    public static PeakMeasurement Measure(int trials, TimeSpan trialTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(trialTime, TimeSpan.Zero);
        double v256 = Vector256.IsHardwareAccelerated ? Best(Loop256, Vector256<float>.Count, trials, trialTime) : double.NaN;
        double v512 = Vector512.IsHardwareAccelerated ? Best(Loop512, Vector512<float>.Count, trials, trialTime) : double.NaN;
        return new PeakMeasurement(v256, v512, trials, trialTime);
    }

    private static double Best(Func<long, float> loop, int lanes, int trials, TimeSpan trialTime)
    {
        // Calibrate the iteration count on a short run (which also gets the loop compiled), then time the trials.
        long iterations = 1 << 16;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            watch.Restart();
            Sink(loop(iterations));
            if (watch.Elapsed >= trialTime / 8)
            {
                break;
            }

            iterations *= 2;
        }

        iterations = (long)(iterations * (trialTime / watch.Elapsed));
        double best = 0;
        for (int t = 0; t < trials; t++)
        {
            watch.Restart();
            Sink(loop(iterations));
            double seconds = watch.Elapsed.TotalSeconds;
            best = Math.Max(best, iterations * (double)lanes * FlopsPerLanePerIteration / seconds / 1e9);
        }

        return best;
    }

    /// <summary>Keeps the loop's result alive so the JIT cannot drop the loop.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Sink(float value) => GC.KeepAlive(value);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Loop256(long iterations)
    {
        // Operands just off 1 so the accumulators stay finite and normal for any iteration count.
        Vector256<float> a = Vector256.Create(1f - 1e-7f), b = Vector256.Create(1e-7f);
        Vector256<float> c0 = Vector256<float>.Zero, c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        Vector256<float> c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Vector256.FusedMultiplyAdd(c0, a, b);
            c1 = Vector256.FusedMultiplyAdd(c1, a, b);
            c2 = Vector256.FusedMultiplyAdd(c2, a, b);
            c3 = Vector256.FusedMultiplyAdd(c3, a, b);
            c4 = Vector256.FusedMultiplyAdd(c4, a, b);
            c5 = Vector256.FusedMultiplyAdd(c5, a, b);
            c6 = Vector256.FusedMultiplyAdd(c6, a, b);
            c7 = Vector256.FusedMultiplyAdd(c7, a, b);
            c8 = Vector256.FusedMultiplyAdd(c8, a, b);
            c9 = Vector256.FusedMultiplyAdd(c9, a, b);
            c10 = Vector256.FusedMultiplyAdd(c10, a, b);
            c11 = Vector256.FusedMultiplyAdd(c11, a, b);
        }

        return Vector256.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Loop512(long iterations)
    {
        Vector512<float> a = Vector512.Create(1f - 1e-7f), b = Vector512.Create(1e-7f);
        Vector512<float> c0 = Vector512<float>.Zero, c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        Vector512<float> c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Vector512.FusedMultiplyAdd(c0, a, b);
            c1 = Vector512.FusedMultiplyAdd(c1, a, b);
            c2 = Vector512.FusedMultiplyAdd(c2, a, b);
            c3 = Vector512.FusedMultiplyAdd(c3, a, b);
            c4 = Vector512.FusedMultiplyAdd(c4, a, b);
            c5 = Vector512.FusedMultiplyAdd(c5, a, b);
            c6 = Vector512.FusedMultiplyAdd(c6, a, b);
            c7 = Vector512.FusedMultiplyAdd(c7, a, b);
            c8 = Vector512.FusedMultiplyAdd(c8, a, b);
            c9 = Vector512.FusedMultiplyAdd(c9, a, b);
            c10 = Vector512.FusedMultiplyAdd(c10, a, b);
            c11 = Vector512.FusedMultiplyAdd(c11, a, b);
        }

        return Vector512.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
    }
}
