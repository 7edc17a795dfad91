using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Properties.Limits;

/// <summary>
/// The one place that decides whether a shape fits an array (<see cref="ArrayLength"/>): exact counts up to
/// <see cref="Array.MaxLength"/>, an <see cref="ArgumentException"/> naming the shape and the count past it.
/// </summary>
public sealed class ArrayLengthTests
{
    [Fact]
    public void Counts_are_exact_up_to_Array_MaxLength()
    {
        Assert.Equal(1, ArrayLength.Of([], "s"));
        Assert.Equal(Array.MaxLength, ArrayLength.Of([Array.MaxLength], "s"));
        Assert.Equal(Array.MaxLength, ArrayLength.Of([1, Array.MaxLength, 1], "s"));
        Assert.Equal(Array.MaxLength, ArrayLength.Of([11, 195225781], "s"));
        Assert.Equal(46340 * 46340, ArrayLength.Of([46340, 46340], "s"));
        Assert.Equal(Array.MaxLength, ArrayLength.Of((long)Array.MaxLength, "s"));
    }

    [Fact]
    public void A_zero_length_empties_the_shape_wherever_it_stands()
    {
        Assert.Equal(0, ArrayLength.Of([0, int.MaxValue, int.MaxValue], "s"));
        Assert.Equal(0, ArrayLength.Of([65536, 65536, 0], "s"));
        Assert.Equal(0, ArrayLength.Of([nint.MaxValue, nint.MaxValue, 3, 0, 5], "s"));
    }

    [Theory]
    [InlineData(2147483592L)] // Array.MaxLength + 1
    [InlineData(2147483647L)] // int.MaxValue
    [InlineData(4294967296L)] // 2³²
    [InlineData(long.MaxValue)]
    public void Past_Array_MaxLength_the_shape_and_its_count_are_named(long length)
    {
        ArgumentException single = Assert.Throws<ArgumentException>(() => ArrayLength.Of([(nint)length], "output", "input"));
        Assert.Equal("input", single.ParamName);
        Assert.StartsWith(
            $"output [{length}] has more elements than an array holds: {length} elements, and Array.MaxLength is 2147483591.",
            single.Message,
            StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ArrayLength.Of(length, "output"));
    }

    [Fact]
    public void Products_past_Array_MaxLength_are_refused_even_where_they_would_wrap()
    {
        ArgumentException square = Assert.Throws<ArgumentException>(() => ArrayLength.Of([46341, 46341], "output"));
        Assert.StartsWith("output [46341, 46341] has more elements than an array holds: 2147488281 elements", square.Message, StringComparison.Ordinal);

        // 2³² · 2³² wraps a long to 0; the count in the message is the true one.
        ArgumentException wrapping = Assert.Throws<ArgumentException>(() => ArrayLength.Of([nint.CreateChecked(1L << 32), nint.CreateChecked(1L << 32)], "input"));
        Assert.Contains("18446744073709551616 elements", wrapping.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ArrayLength.Of([2, 1073741796], "s")); // 2147483592
    }

    [Fact]
    public void A_negative_length_is_named_with_its_shape_and_parameter()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => ArrayLength.Of([-1, 3], "weight", "shape"));
        Assert.StartsWith("weight [-1, 3] has a negative length.", e.Message, StringComparison.Ordinal);
        Assert.Equal("shape", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrayLength.Of(-1L, "s"));
    }

    [Fact]
    public void Shapes_are_formatted_as_lists()
    {
        Assert.Equal("[]", TensorShape.Format([]));
        Assert.Equal("[2, 0, 7]", TensorShape.Format([2, 0, 7]));
    }
}
