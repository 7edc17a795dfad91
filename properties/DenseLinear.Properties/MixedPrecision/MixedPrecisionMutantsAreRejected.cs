using DenseLinear.Properties.Harness;
using Xunit;

namespace DenseLinear.Properties.MixedPrecision;

/// <summary>
/// Every family of the mixed-precision specification, shown able to fail: each rejects at least one deliberately
/// broken kernel, for both weight types where the bug applies to both.
/// </summary>
public sealed class MixedPrecisionMutantsAreRejected
{
    [Theory]
    [InlineData(MixedPrecisionDefect.AccumulatesInBFloat16)]
    [InlineData(MixedPrecisionDefect.AccumulatesInHalf)]
    [InlineData(MixedPrecisionDefect.TruncatesXToBFloat16)]
    public void Agreement_rejects_rounding_to_16_bits_on_the_way(MixedPrecisionDefect defect)
    {
        Rejection.Property(On<BFloat16>(defect).AgreesWithExactReference(), "Mixed agreement");
        Rejection.Property(On<Half>(defect).AgreesWithExactReference(), "Mixed agreement");
    }

    [Fact]
    public void Subnormal_weights_are_not_flushed()
    {
        Rejection.Property(On<BFloat16>(MixedPrecisionDefect.FlushesSubnormalWeights).KeepsSubnormalWeights(), "Mixed agreement (subnormal weights)");
        Rejection.Property(On<Half>(MixedPrecisionDefect.FlushesSubnormalWeights).KeepsSubnormalWeights(), "Mixed agreement (subnormal weights)");
    }

    [Fact]
    public void One_hot_rows_reject_a_dropped_term() =>
        Rejection.Property(On<BFloat16>(MixedPrecisionDefect.DropsTheLastTerm).OneHotRowsPickOutRowsOfTheKernel(), "Mixed one-hot rows");

    [Fact]
    public void Zero_identities_reject_an_unwritten_y() =>
        Rejection.Property(On<Half>(MixedPrecisionDefect.LeavesYUnwrittenWhenKIsZero).ZeroInputAndEmptySumGiveZero(), "did not write y[");

    [Fact]
    public void Negation_rejects_an_order_that_follows_the_values() =>
        Rejection.Property(On<BFloat16>(MixedPrecisionDefect.OrderFollowsTheValues).NegatingXNegatesY(), "Mixed negation");

    [Fact]
    public void Scaling_rejects_accumulation_in_half() =>
        Rejection.Property(On<Half>(MixedPrecisionDefect.AccumulatesInHalf).PowerOfTwoScalingOfXIsExact(), "Mixed scaling");

    [Fact]
    public void Repeated_calls_reject_an_order_that_changes_between_calls() =>
        Rejection.Property(On<BFloat16>(MixedPrecisionDefect.AlternatesOrderBetweenCalls).RepeatedAndConcurrentCallsAgree(), "Mixed");

    [Fact]
    public void Batch_invariance_rejects_a_batch_dependent_order() =>
        Rejection.Property(On<Half>(MixedPrecisionDefect.DependsOnTheBatch).RowsDoNotDependOnTheBatch(), "Mixed batch invariance");

    [Fact]
    public void Special_values_reject_flushed_NaN_weights()
    {
        Rejection.Property(On<BFloat16>(MixedPrecisionDefect.FlushesNaNWeights).PropagatesNaNAndInfinityByIeeeRules(), "Mixed special values");
        Rejection.Property(On<Half>(MixedPrecisionDefect.FlushesNaNWeights).PropagatesNaNAndInfinityByIeeeRules(), "Mixed special values");
    }

    [Fact]
    public void Bad_arguments_reject_a_kernel_without_checks() =>
        Rejection.Property(On<BFloat16>(MixedPrecisionDefect.SkipsTheArgumentChecks).RejectsBadArgumentsAndLeavesOutputUntouched(), "Mixed bad arguments");

    private static MixedPrecisionMutantSpecification<TWeight> On<TWeight>(MixedPrecisionDefect defect)
        where TWeight : unmanaged => new(new MixedPrecisionMutantKernel<TWeight>(defect));
}
