using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// The argument checks every kernel shares (<see cref="MatMulArguments.Validate"/>): each refusal names the argument
/// and the offending numbers with the product's shapes, and the check order puts an impossible size before a
/// length mismatch it would cause.
/// </summary>
public sealed class MatMulArgumentTests
{
    [Fact]
    public void Products_are_described_in_their_layout()
    {
        Assert.Equal("x [2×3] · K [3×4] (InOut)", MatMulArguments.Describe(2, 3, 4, WeightLayout.InOut));
        Assert.Equal("x [2×3] · W [4×3]ᵀ (OutIn)", MatMulArguments.Describe(2, 3, 4, WeightLayout.OutIn));
    }

    [Fact]
    public void An_undefined_layout_is_named_with_its_value()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(
            () => MatMulArguments.Validate<float>(new float[6], new float[12], new float[8], 2, 3, 4, (WeightLayout)7));
        Assert.Equal("layout", e.ParamName);
        Assert.Equal((WeightLayout)7, e.ActualValue);
        Assert.Contains("Undefined weight layout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_dimensions_are_named()
    {
        Assert.Equal("m", Assert.Throws<ArgumentOutOfRangeException>(() => MatMulArguments.Validate<float>([], [], [], -1, 0, 0, WeightLayout.InOut)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => MatMulArguments.Validate<float>([], [], [], 0, -2, 0, WeightLayout.InOut)).ParamName);
        ArgumentOutOfRangeException n = Assert.Throws<ArgumentOutOfRangeException>(() => MatMulArguments.Validate<float>([], [], [], 0, 0, -3, WeightLayout.OutIn));
        Assert.Equal("n", n.ParamName);
        Assert.Equal(-3, n.ActualValue);
    }

    /// <summary>An element count past int.MaxValue is reported as such, with both factors and their exact product.</summary>
    [Theory]
    [InlineData(65536, 65536, 1, "x", "x would need 65536×65536 = 4294967296 elements, more than a span holds, in x [65536×65536] · K [65536×1] (InOut).")]
    [InlineData(1, 65536, 65537, "w", "w would need 65536×65537 = 4295032832 elements, more than a span holds, in x [1×65536] · K [65536×65537] (InOut).")]
    [InlineData(46341, 0, 46341, "y", "y would need 46341×46341 = 2147488281 elements, more than a span holds, in x [46341×0] · K [0×46341] (InOut).")]
    public void A_product_past_int_MaxValue_names_its_factors(int m, int k, int n, string name, string message)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => MatMulArguments.Validate<float>([], [], [], m, k, n, WeightLayout.InOut));
        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_mismatches_name_the_length_given_and_the_length_needed()
    {
        ArgumentException x = Assert.Throws<ArgumentException>(() => MatMulArguments.Validate<float>(new float[5], new float[12], new float[8], 2, 3, 4, WeightLayout.OutIn));
        Assert.Equal("x", x.ParamName);
        Assert.StartsWith("x has 5 elements but x [2×3] · W [4×3]ᵀ (OutIn) needs x [2×3] = 6.", x.Message, StringComparison.Ordinal);

        ArgumentException w = Assert.Throws<ArgumentException>(() => MatMulArguments.Validate<float>(new float[6], new float[13], new float[8], 2, 3, 4, WeightLayout.InOut));
        Assert.Equal("w", w.ParamName);
        Assert.StartsWith("w has 13 elements but x [2×3] · K [3×4] (InOut) needs w [3×4] = 12.", w.Message, StringComparison.Ordinal);

        ArgumentException y = Assert.Throws<ArgumentException>(() => MatMulArguments.Validate<float>(new float[6], new float[12], new float[7], 2, 3, 4, WeightLayout.InOut));
        Assert.Equal("y", y.ParamName);
        Assert.StartsWith("y has 7 elements but x [2×3] · K [3×4] (InOut) needs y [2×4] = 8.", y.Message, StringComparison.Ordinal);

        // A longer y is allowed: only its first m·n elements are written.
        MatMulArguments.Validate<float>(new float[6], new float[12], new float[9], 2, 3, 4, WeightLayout.InOut);
    }

    [Fact]
    public void A_y_that_overlaps_an_input_is_refused_with_the_shapes()
    {
        var shared = new float[20];
        ArgumentException overX = Assert.Throws<ArgumentException>(
            () => MatMulArguments.Validate<float>(shared.AsSpan(0, 6), new float[12], shared.AsSpan(4, 8), 2, 3, 4, WeightLayout.InOut));
        Assert.Equal("y", overX.ParamName);
        Assert.StartsWith("y overlaps an input in x [2×3] · K [3×4] (InOut); the kernel writes y without reading it.", overX.Message, StringComparison.Ordinal);

        ArgumentException overW = Assert.Throws<ArgumentException>(
            () => MatMulArguments.Validate<float>(new float[6], shared.AsSpan(8, 12), shared.AsSpan(5, 8), 2, 3, 4, WeightLayout.OutIn));
        Assert.StartsWith("y overlaps an input in x [2×3] · W [4×3]ᵀ (OutIn);", overW.Message, StringComparison.Ordinal);

        // Only the m·n elements that are written count: a longer y may run into the inputs beyond them.
        MatMulArguments.Validate<float>(shared.AsSpan(8, 6), new float[12], shared.AsSpan(0, 12), 2, 3, 4, WeightLayout.InOut);
    }
}
