using System.Numerics.Tensors;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Properties.Limits;

/// <summary>
/// The two layout checks that come with the array limit: a destination whose elements share memory is refused, and
/// an empty output whose lengths System.Numerics.Tensors cannot multiply is refused by name, not by an overflow.
/// </summary>
public sealed class TensorLayoutTests
{
    [Theory]
    [InlineData(new long[] { 2, 3 }, new long[] { 3, 1 }, true)]
    [InlineData(new long[] { 2, 3 }, new long[] { 4, 1 }, true)] // padded rows
    [InlineData(new long[] { 2, 3 }, new long[] { 1, 2 }, true)] // column-major
    [InlineData(new long[] { 2, 3 }, new long[] { 0, 1 }, false)] // broadcast rows
    [InlineData(new long[] { 2, 3 }, new long[] { 2, 1 }, false)] // rows overlap by one element
    [InlineData(new long[] { 2, 3 }, new long[] { 1, 1 }, false)]
    [InlineData(new long[] { 1, 3 }, new long[] { 0, 1 }, true)] // a length of 1 never repeats
    [InlineData(new long[] { 0, 3 }, new long[] { 0, 0 }, true)] // no elements at all
    [InlineData(new long[] { 2, 2, 2 }, new long[] { 4, 1, 2 }, true)]
    [InlineData(new long[] { 2, 2, 2 }, new long[] { 3, 1, 2 }, false)]
    public void Elements_are_distinct_exactly_when_no_two_indices_meet(long[] lengths, long[] strides, bool distinct)
    {
        nint[] l = [.. lengths.Select(v => (nint)v)];
        nint[] s = [.. strides.Select(v => (nint)v)];
        Assert.Equal(distinct, TensorShape.HasDistinctElements(l, s));
        Assert.Equal(distinct, DistinctByEnumeration(l, s));
    }

    [Fact]
    public void A_destination_whose_elements_share_memory_is_refused_and_left_alone()
    {
        var layer = new LinearLayer<float>(Tensor.Create(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]));
        float[] cell = [-7f, -7f];
        ArgumentException e = Assert.Throws<ArgumentException>(() => layer.Forward(Tensor.Create(new float[6], [2, 3]), new TensorSpan<float>(cell, [2, 2], [0, 1])));
        Assert.Equal("destination", e.ParamName);
        Assert.StartsWith("PyTorch Linear: destination [2, 2] with strides [0, 1] has elements that share memory", e.Message, StringComparison.Ordinal);
        Assert.Equal([-7f, -7f], cell);
    }

    [Fact]
    public void An_empty_output_that_no_tensor_can_describe_is_refused_by_name()
    {
        // Input [0, 2³², 2³¹, 0] exists (its strides are 0); the output [0, 2³², 2³¹, 2] would need a stride of 2⁶⁴.
        nint[] lengths = [0, nint.CreateChecked(1L << 32), nint.CreateChecked(1L << 31), 0];
        var layer = new DenseLayer<float>(Tensor.Create(Array.Empty<float>(), [0, 2]));
        ArgumentException e = Assert.Throws<ArgumentException>(() => layer.Forward(Broadcast.Span(1, lengths)));
        Assert.StartsWith("Keras Dense: output [0, 4294967296, 2147483648, 2] cannot be a tensor", e.Message, StringComparison.Ordinal);
    }

    // The definition itself: every pair of index vectors, for the small shapes above.
    private static bool DistinctByEnumeration(nint[] lengths, nint[] strides)
    {
        var seen = new HashSet<long>();
        long count = lengths.Aggregate(1L, (c, l) => c * l);
        for (long flat = 0; flat < count; flat++)
        {
            long rest = flat, offset = 0;
            for (int axis = lengths.Length - 1; axis >= 0; axis--)
            {
                offset += rest % lengths[axis] * strides[axis];
                rest /= lengths[axis];
            }

            if (!seen.Add(offset))
            {
                return false;
            }
        }

        return true;
    }
}
