using DenseLinear.Benchmarks.Peak;
using Xunit;

namespace DenseLinear.Benchmarks.Tests.Reports;

public sealed class PeakTests
{
    [Fact]
    public void ThePeakIsTheWidestAcceleratedVectorsNotTheLargerNumber()
    {
        var both = new PeakMeasurement(117.0, 116.0, 1, TimeSpan.FromSeconds(1));
        Assert.Equal((116.0, "Vector512"), (both.Gflops, both.Width));
        Assert.StartsWith("Vector512 ", both.Describe(), StringComparison.Ordinal);
        var narrow = new PeakMeasurement(117.0, double.NaN, 1, TimeSpan.FromSeconds(1));
        Assert.Equal((117.0, "Vector256"), (narrow.Gflops, narrow.Width));
    }
}
