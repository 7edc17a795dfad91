using DenseLinear.Initialization;
using Xunit;

namespace DenseLinear.Properties.Initialization;

/// <summary>
/// Fans of a rank-2 weight: PyTorch [out, in] reads fan_in from the columns, Keras [in, units] from the rows; empty
/// axes give zero fans; negative sizes and undefined layouts are refused by name. (Only rank 2 exists here: dense
/// layers have no receptive field to multiply in.)
/// </summary>
public sealed class WeightFansTests
{
    [Theory]
    [InlineData(5, 3)]
    [InlineData(1, 7)]
    [InlineData(0, 4)]
    [InlineData(4, 0)]
    [InlineData(0, 0)]
    public void Fan_in_is_the_columns_of_OutIn_and_the_rows_of_InOut(int rows, int columns)
    {
        Assert.Equal((columns, rows), WeightFans.Of(rows, columns, WeightLayout.OutIn));
        Assert.Equal((rows, columns), WeightFans.Of(rows, columns, WeightLayout.InOut));
    }

    [Fact]
    public void Negative_sizes_and_undefined_layouts_are_refused_by_name()
    {
        ArgumentOutOfRangeException rows = Assert.Throws<ArgumentOutOfRangeException>(() => WeightFans.Of(-1, 3, WeightLayout.OutIn));
        Assert.Equal("rows", rows.ParamName);
        Assert.Equal(-1, rows.ActualValue);
        ArgumentOutOfRangeException columns = Assert.Throws<ArgumentOutOfRangeException>(() => WeightFans.Of(3, -2, WeightLayout.InOut));
        Assert.Equal("columns", columns.ParamName);
        Assert.Equal(-2, columns.ActualValue);

        ArgumentOutOfRangeException layout = Assert.Throws<ArgumentOutOfRangeException>(() => WeightFans.Of(3, 2, (WeightLayout)7));
        Assert.Equal("layout", layout.ParamName);
        Assert.Equal((WeightLayout)7, layout.ActualValue);
        Assert.StartsWith("Undefined weight layout.", layout.Message, StringComparison.Ordinal);
    }
}
