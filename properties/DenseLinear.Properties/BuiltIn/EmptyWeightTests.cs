using DenseLinear.Kernels;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// Weights with no outputs (n = 0) may have any depth, up to <see cref="int.MaxValue"/>: there is nothing to pack,
/// and <c>Pack</c> must return at once rather than walk k (a loop over k in blocks overflowed at int.MaxValue and
/// never ended).
/// </summary>
public sealed class EmptyWeightTests
{
    [Theory]
    [InlineData(WeightLayout.InOut)]
    [InlineData(WeightLayout.OutIn)]
    public void A_weight_with_no_outputs_packs_at_any_depth(WeightLayout layout)
    {
        foreach (IWeightPackingKernel<float> kernel in new IWeightPackingKernel<float>[] { PackedKernel<float>.Instance, ParallelKernel<float>.Instance })
        {
            PackedWeights<float> packed = kernel.Pack([], int.MaxValue, 0, layout);
            Assert.Equal(int.MaxValue, packed.K);
            Assert.Equal(0, packed.N);
            kernel.Multiply([], packed, [], 0);
        }

        PackedWeights<double> packedDouble = PackedKernel<double>.Instance.Pack([], int.MaxValue, 0, layout);
        Assert.Equal(0, packedDouble.N);
    }
}
