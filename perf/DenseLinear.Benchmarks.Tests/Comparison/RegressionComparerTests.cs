using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Rows;
using Xunit;
using static DenseLinear.Benchmarks.Tests.Records;

namespace DenseLinear.Benchmarks.Tests.Comparison;

public sealed class RegressionComparerTests
{
    [Fact]
    public void RatiosDivideByTheReferenceRowOfTheSameProduct()
    {
        IReadOnlyDictionary<RatioKey, double> r = SameRunRatios.Compute(Run());
        Assert.Equal(0.1, r[new(Product, "Simd", RowNames.Naive)], 12);
        Assert.Equal(2.0, r[new(Product, "Simd", RowNames.OpenBlasSingleThread)], 12);
        Assert.Equal(20.0, r[new(Product, RowNames.Naive, RowNames.OpenBlasSingleThread)], 12);
        Assert.False(r.ContainsKey(new(Product, RowNames.Naive, RowNames.Naive)));
    }

    [Fact]
    public void OpenBlasRowsAreRatioedButGetNoVerdict()
    {
        BenchmarkRecord[] slowBlas = [.. Run().Select(r => RowNames.IsOpenBlas(r.Row) ? r with { MeanNanoseconds = r.MeanNanoseconds * 3 } : r)];
        ComparisonResult result = RegressionComparer.Compare(Run(), slowBlas);
        Assert.True(SameRunRatios.Compute(Run()).ContainsKey(new(Product, RowNames.OpenBlasTwoThreads, RowNames.OpenBlasSingleThread)));
        Assert.DoesNotContain(result.Changes, c => RowNames.IsOpenBlas(c.Key.Row));
    }

    [Fact]
    public void AUniformMachineSlowdownIsNotARegression()
    {
        ComparisonResult result = RegressionComparer.Compare(Run(), Run(scale: 1.7));
        Assert.Equal(5, result.Changes.Count);
        Assert.All(result.Changes, c => Assert.Equal(Verdict.Same, c.Verdict));
        Assert.False(result.HasRegression);
    }

    [Fact]
    public void OneKernelThirtyPercentSlowerIsARegression()
    {
        ComparisonResult result = RegressionComparer.Compare(Run(), Run(scale: 0.8, kernel: 13.0));
        Assert.True(result.HasRegression);
        Assert.All(result.Changes, c => Assert.Equal(c.Key.Row == "Simd" ? Verdict.Slower : Verdict.Same, c.Verdict));
    }

    [Fact]
    public void OneKernelThirtyPercentFasterIsFasterNotARegression()
    {
        ComparisonResult result = RegressionComparer.Compare(Run(), Run(kernel: 7.0));
        Assert.False(result.HasRegression);
        Assert.All(result.Changes.Where(c => c.Key.Row == "Simd"), c => Assert.Equal(Verdict.Faster, c.Verdict));
    }

    [Theory]
    [InlineData(1.10, Verdict.Same)]
    [InlineData(0.90, Verdict.Same)]
    [InlineData(1.20, Verdict.Slower)]
    [InlineData(0.80, Verdict.Faster)]
    public void TheThresholdSeparatesTheVerdicts(double current, Verdict expected) =>
        Assert.Equal(expected, RegressionComparer.Judge(1.0, current, 0.15));

    [Fact]
    public void WithoutNaiveOnlyTheOpenBlasRatioExists()
    {
        IReadOnlyDictionary<RatioKey, double> r = SameRunRatios.Compute([At("Simd", 50.0, "2048x2048x2048"), At(RowNames.OpenBlasSingleThread, 25.0, "2048x2048x2048")]);
        Assert.Equal(2.0, Assert.Single(r, p => p.Key == new RatioKey("SquareMatMul/2048x2048x2048/InOut", "Simd", RowNames.OpenBlasSingleThread)).Value, 12);
        Assert.Single(r);
    }

    [Fact]
    public void ARowOnlyInTheCurrentRunIsNewNotARegression()
    {
        ComparisonResult result = RegressionComparer.Compare(Run(), [.. Run(), At("Parallel", 4.0)]);
        Assert.False(result.HasRegression);
        Assert.Equal(2, result.OnlyInCurrent.Count);
        Assert.Empty(result.OnlyInBaseline);
    }

    [Fact]
    public void OverThreeRunsCompareJudgesTheMedianRatioSoOneNoisyRunIsNotARegression()
    {
        ComparisonResult result = RegressionComparer.Compare(
            MultiRun.MedianRatios([NaiveAndSimd(100, 10)]),
            MultiRun.MedianRatios([NaiveAndSimd(100, 10.5), NaiveAndSimd(100, 14), NaiveAndSimd(100, 9.8)]));
        RatioChange change = Assert.Single(result.Changes);
        Assert.Equal(Verdict.Same, change.Verdict);
        Assert.Equal(0.105, change.Current, 12);
    }
}
