using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Rows;
using DenseLinear.Benchmarks.Tables;
using Xunit;
using static DenseLinear.Benchmarks.Tests.Records;

namespace DenseLinear.Benchmarks.Tests.Reports;

public sealed class SpeedTableTests
{
    [Fact]
    public void TheSpeedTableTakesTheFastestPeerPerRunAndTheShareOfPeak()
    {
        // Single thread, per run: the faster peer over Packed is OpenBLAS 1.2, libtorch 0.8, OpenBLAS 1.0 (median 1.0).
        // Two threads: libtorch 0.25, OpenBLAS 0.5, OpenBLAS 0.8 over Parallel (median 0.5). The best peer by median
        // time is OpenBLAS on both (1.2 ms, 1 ms). Packed at 512³ (2.68e8 flops) in 1 ms is 268 GFLOP/s, at 1.25 ms
        // 215: 100 % and 80 % of a 268.4 peak.
        string table = SpeedTable.Render(
            [OneRun(1.2e6, 2e6, 1e6, 1e6, 0.5e6, 2e6), OneRun(1.125e6, 1e6, 1.25e6, 1e6, 3e6, 2e6), OneRun(1.25e6, 3e6, 1.25e6, 1.6e6, 3e6, 2e6)], "test", 268.435456);
        string line = Assert.Single(table.Split('\n'), l => l.StartsWith("| 512×512×512 | InOut", StringComparison.Ordinal));
        Assert.StartsWith("| 512×512×512 | InOut | OpenBLAS 224 | OpenBLAS 268 | 1.00× (0.80–1.20) |", line, StringComparison.Ordinal);
        Assert.Contains("| 0.50× (0.25–0.80) |", line, StringComparison.Ordinal);
        Assert.Contains("| 80 % (80–100) |", line, StringComparison.Ordinal);
    }

    private static BenchmarkRecord[] OneRun(double blas1, double torch1, double packed, double blas2, double torch2, double parallel) =>
    [
        At(RowNames.OpenBlasSingleThread, blas1), At(RowNames.LibTorchSingleThread, torch1), At("Packed", packed),
        At(RowNames.OpenBlasTwoThreads, blas2), At(RowNames.LibTorchTwoThreads, torch2), At("Parallel", parallel),
    ];
}
