using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Rows;
using Xunit;
using static DenseLinear.Benchmarks.Tests.Records;

namespace DenseLinear.Benchmarks.Tests.Comparison;

public sealed class MultiRunTests
{
    [Fact]
    public void OverThreeRunsARatioIsTheMedianOfThePerRunRatiosNotOfTheTimes()
    {
        // Ratios 0.10, 0.15, 0.12: the median is 0.12; the median times (30 over 200) would give 0.15.
        BenchmarkRecord[][] runs = [NaiveAndSimd(100, 10), NaiveAndSimd(200, 30), NaiveAndSimd(300, 36)];
        RatioSpread s = MultiRun.Ratios(runs)[new(Product, "Simd", RowNames.Naive)];
        Assert.Equal((0.12, 0.10, 0.15, 3), (Math.Round(s.Median, 12), Math.Round(s.Min, 12), Math.Round(s.Max, 12), s.Runs));
        IReadOnlyList<BenchmarkRecord> means = MultiRun.MedianMeans(runs);
        Assert.Equal(2, means.Count);
        Assert.Equal(30, means[1].MeanNanoseconds, 12);
    }

    [Theory]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    public void TheMedianIsTheMiddleValueOrTheMeanOfTheMiddleTwo(double[] values, double median) =>
        Assert.Equal(median, MultiRun.Median(values));

    [Fact]
    public void TheSpreadTextIsMedianMinMaxAndSaysWhenARunLacksTheCase()
    {
        RatioSpread simd = MultiRun.Ratios([NaiveAndSimd(100, 10), [At(RowNames.Naive, 50)], NaiveAndSimd(100, 20)])[new(Product, "Simd", RowNames.Naive)];
        Assert.Equal("1.040 (0.980–1.070)", new RatioSpread(1.04, 0.98, 1.07, 3).Format(3));
        Assert.Equal("0.150 (0.100–0.200; 2 of 3 runs)", simd.Format(3));
        Assert.Equal("0.500 (1 of 3 runs)", new RatioSpread(0.5, 0.5, 0.5, 1).Format(3));
        Assert.Equal("0.500", new RatioSpread(0.5, 0.5, 0.5, 1).Format(1));
        Assert.Equal("2.000 (1.000–4.000)", new RatioSpread(0.5, 0.25, 1, 3).AsSpeed().Format(3));
    }
}
