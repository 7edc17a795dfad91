using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Rows;
using Xunit;
using static DenseLinear.Benchmarks.Tests.Records;

namespace DenseLinear.Benchmarks.Tests.Comparison;

public sealed class FullJsonReaderTests
{
    private const string SampleJson = """
        {"Title":"t","Benchmarks":[
          {"Type":"SquareMatMul","Method":"Multiply","Parameters":"Shape=64x64x64&Layout=OutIn&Row=Naive","Statistics":{"Mean":400.0}},
          {"Type":"SquareMatMul","Method":"Multiply","Parameters":"Shape=64x64x64&Layout=OutIn&Row=Fast","Statistics":{"Mean":100.0}},
          {"Type":"SquareMatMul","Method":"Multiply","Parameters":"Shape=64x64x64&Layout=OutIn&Row=Broken","Statistics":null}
        ]}
        """;

    [Fact]
    public void FullJsonParsesAndCasesWithoutStatisticsAreSkipped()
    {
        IReadOnlyList<BenchmarkRecord> records = FullJsonReader.Parse(SampleJson);
        Assert.Equal(2, records.Count);
        Assert.Equal(new BenchmarkRecord("SquareMatMul", "64x64x64", "OutIn", "Fast", 100.0), records[1]);
        Assert.Equal(0.25, SameRunRatios.Compute(records)[new("SquareMatMul/64x64x64/OutIn", "Fast", RowNames.Naive)], 12);
    }

    [Fact]
    public void OnePathHoldingACaseTwiceIsRefused()
    {
        Assert.Throws<FormatException>(() => FullJsonReader.ThrowIfRepeated([.. NaiveAndSimd(100, 10), .. NaiveAndSimd(100, 11)], "results"));
        FullJsonReader.ThrowIfRepeated(NaiveAndSimd(100, 10), "results");
    }
}
