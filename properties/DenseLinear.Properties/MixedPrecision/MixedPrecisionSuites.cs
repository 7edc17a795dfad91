using DenseLinear.Kernels;
using DenseLinear.Specification.MixedPrecision;

namespace DenseLinear.Properties.MixedPrecision;

/// <summary>
/// The mixed-precision specification on the built-in mixed-precision kernels, on a forced small blocking that crosses
/// every block boundary, and on a correct kernel of another summation order (it must pass every property: the
/// tolerances are not too tight), for both 16-bit weight types.
/// </summary>
public static class MixedPrecisionSuites
{
    public sealed class NaiveBFloat16 : MixedPrecisionKernelSpecification<BFloat16>
    {
        protected override IMixedPrecisionKernel<BFloat16> Kernel => NaiveMixedPrecisionKernel<BFloat16>.Instance;
    }

    public sealed class NaiveHalf : MixedPrecisionKernelSpecification<Half>
    {
        protected override IMixedPrecisionKernel<Half> Kernel => NaiveMixedPrecisionKernel<Half>.Instance;
    }

    public sealed class PackedBFloat16 : MixedPrecisionKernelSpecification<BFloat16>
    {
        protected override IMixedPrecisionKernel<BFloat16> Kernel => PackedMixedPrecisionKernel<BFloat16>.Instance;
    }

    public sealed class PackedHalf : MixedPrecisionKernelSpecification<Half>
    {
        protected override IMixedPrecisionKernel<Half> Kernel => PackedMixedPrecisionKernel<Half>.Instance;
    }

    public sealed class PackedBFloat16OnTinyBlocks : MixedPrecisionKernelSpecification<BFloat16>
    {
        protected override IMixedPrecisionKernel<BFloat16> Kernel { get; } = new PackedMixedPrecisionKernel<BFloat16>(BuiltIn.ForcedBlockings.Of<float>("tiny"));
    }

    public sealed class PackedHalfOnOddBlocks : MixedPrecisionKernelSpecification<Half>
    {
        protected override IMixedPrecisionKernel<Half> Kernel { get; } = new PackedMixedPrecisionKernel<Half>(BuiltIn.ForcedBlockings.Of<float>("odd"));
    }

    public sealed class ReversedBFloat16 : MixedPrecisionKernelSpecification<BFloat16>
    {
        protected override IMixedPrecisionKernel<BFloat16> Kernel { get; } = new ReversedMixedPrecisionKernel<BFloat16>();
    }

    public sealed class ReversedHalf : MixedPrecisionKernelSpecification<Half>
    {
        protected override IMixedPrecisionKernel<Half> Kernel { get; } = new ReversedMixedPrecisionKernel<Half>();
    }
}
