using DenseLinear.Kernels;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The built-in packing kernels' own refusals, in the words their documentation gives.</summary>
public sealed class PackedWeightCheckTests
{
    [Fact]
    public void Weights_packed_in_other_panels_are_refused_with_both_widths()
    {
        // Panels of 8 floats, as a kernel with another register tile would pack them: reading them as 32 would
        // mix columns.
        var foreign = new PackedWeights<float>(new float[3 * 8], 3, 5, 8, WeightLayout.InOut);
        var y = new float[2 * 5];
        var failure = Assert.Throws<ArgumentException>(() => PackedKernel<float>.Instance.Multiply(new float[2 * 3], foreign, y, 2));
        Assert.Equal("w", failure.ParamName);
        Assert.Contains("packed in panels of 8, this kernel reads panels of 32", failure.Message, StringComparison.Ordinal);
        Assert.Contains("x [2×3] · K [3×5] (InOut) (packed)", failure.Message, StringComparison.Ordinal);
        Assert.All(y, v => Assert.Equal(0, v));
    }

    [Fact]
    public void An_undefined_layout_is_refused_as_undefined()
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => PackedKernel<double>.Instance.Pack(new double[6], 2, 3, (WeightLayout)7));
        Assert.Equal("layout", failure.ParamName);
        Assert.StartsWith("Undefined weight layout.", failure.Message, StringComparison.Ordinal);
    }
}
