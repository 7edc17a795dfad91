using DenseLinear.Kernels;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary><see cref="PackedWeights{T}.Create{TState}"/>: what a kernel from outside the library gets, and what it is refused.</summary>
public sealed class PackedWeightsCreateTests
{
    [Fact]
    public void Create_hands_fill_the_padded_zeroed_length_and_keeps_what_it_wrote()
    {
        int seen = -1;
        bool allZero = false;
        PackedWeights<double> packed = PackedWeights<double>.Create(3, 5, 4, WeightLayout.OutIn, 10.0, (panels, offset) =>
        {
            seen = panels.Length;
            allZero = !panels.ContainsAnyExcept(0.0);
            for (int i = 0; i < panels.Length; i++)
            {
                panels[i] = offset + i;
            }
        });

        // ⌈5 / 4⌉ = 2 panels of 3 × 4.
        Assert.Equal(24, seen);
        Assert.True(allZero);
        Assert.Equal(Enumerable.Range(10, 24).Select(v => (double)v), packed.Panels.ToArray());
        Assert.Equal((3, 5, 4, WeightLayout.OutIn), (packed.K, packed.N, packed.PanelWidth, packed.SourceLayout));
    }

    [Fact]
    public void Create_takes_a_span_as_its_state()
    {
        ReadOnlySpan<float> source = [1f, 2f, 3f];
        PackedWeights<float> packed = PackedWeights<float>.Create(3, 1, 1, WeightLayout.InOut, source, static (panels, values) => values.CopyTo(panels));
        Assert.Equal([1f, 2f, 3f], packed.Panels.ToArray());
    }

    [Theory]
    [InlineData(-1, 5, 4, WeightLayout.InOut, "k", typeof(ArgumentOutOfRangeException))]
    [InlineData(3, -1, 4, WeightLayout.InOut, "n", typeof(ArgumentOutOfRangeException))]
    [InlineData(3, 5, 0, WeightLayout.InOut, "panelWidth", typeof(ArgumentOutOfRangeException))]
    [InlineData(3, 5, 4, (WeightLayout)7, "layout", typeof(ArgumentOutOfRangeException))]
    [InlineData(65536, 65536, 4, WeightLayout.InOut, "n", typeof(ArgumentException))]
    [InlineData(2, 1, int.MaxValue, WeightLayout.OutIn, "n", typeof(ArgumentException))]
    public void Create_refuses_bad_sizes_before_it_calls_fill(int k, int n, int panelWidth, WeightLayout layout, string parameter, Type exception)
    {
        bool called = false;
        var failure = Assert.Throws(exception, () => PackedWeights<float>.Create(k, n, panelWidth, layout, 0, (_, _) => called = true));
        Assert.Equal(parameter, ((ArgumentException)failure).ParamName);
        Assert.False(called);
    }

    [Fact]
    public void Create_names_the_shape_when_the_panels_would_not_fit_an_array()
    {
        var failure = Assert.Throws<ArgumentException>(() => PackedWeights<float>.Create(2, 1, int.MaxValue, WeightLayout.OutIn, 0, (_, _) => { }));
        Assert.Contains("W [1×2] (OutIn) padded to panels of 2147483647 would need 4294967294 elements", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_says_when_k_times_n_is_past_a_span()
    {
        var failure = Assert.Throws<ArgumentException>(() => PackedWeights<float>.Create(65536, 65536, 16, WeightLayout.InOut, 0, (_, _) => { }));
        Assert.Contains("K [65536×65536] (InOut) would need 4294967296 elements, more than a span holds", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateMultiply_says_that_y_overlaps_x()
    {
        PackedWeights<float> packed = PackedKernel<float>.Instance.Pack(new float[2 * 3], 2, 3, WeightLayout.InOut);
        var shared = new float[4 * 3];
        var failure = Assert.Throws<ArgumentException>(() => PackedWeights<float>.ValidateMultiply(shared.AsSpan(0, 4 * 2), packed, shared, 4, 32));
        Assert.Equal("y", failure.ParamName);
        Assert.StartsWith("y overlaps x in x [4×2] · K [2×3] (InOut) (packed)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_refuses_a_missing_fill()
    {
        var failure = Assert.Throws<ArgumentNullException>(() => PackedWeights<float>.Create<int>(1, 1, 1, WeightLayout.InOut, 0, null!));
        Assert.Equal("fill", failure.ParamName);
    }

    [Fact]
    public void A_built_in_kernel_refuses_weights_packed_by_an_outside_kernel()
    {
        PackedWeights<float> foreign = new Alternatives.PublicPackingKernel<float>().Pack(new float[3 * 5], 3, 5, WeightLayout.InOut);
        var y = new float[2 * 5];
        var failure = Assert.Throws<ArgumentException>(() => ParallelKernel<float>.Instance.Multiply(new float[2 * 3], foreign, y, 2));
        Assert.Contains("packed in panels of 4, this kernel reads panels of 32", failure.Message, StringComparison.Ordinal);
        Assert.All(y, v => Assert.Equal(0, v));
    }
}
