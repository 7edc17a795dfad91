namespace DenseLinear.Properties.MixedPrecision;

/// <summary>The bugs <see cref="MixedPrecisionMutantKernel{TWeight}"/> can carry, each one a mixed-precision kernel has had.</summary>
public enum MixedPrecisionDefect
{
    /// <summary>The running sum is rounded to bfloat16 after every term (PyTorch's CPU bf16 matmul before PR 96074).</summary>
    AccumulatesInBFloat16,

    /// <summary>The running sum is rounded to binary16 after every term.</summary>
    AccumulatesInHalf,

    /// <summary>x is cut to bfloat16 by truncation before the product, as a bf16×bf16 dot instruction would need.</summary>
    TruncatesXToBFloat16,

    /// <summary>NaN weights are read as zero.</summary>
    FlushesNaNWeights,

    /// <summary>Subnormal weights are read as zero.</summary>
    FlushesSubnormalWeights,

    /// <summary>The last term of every dot product is dropped.</summary>
    DropsTheLastTerm,

    /// <summary>Rows of a batch of more than one are summed from the last term down; a single row from the first up.</summary>
    DependsOnTheBatch,

    /// <summary>With k = 0 nothing is written, so y keeps whatever it held.</summary>
    LeavesYUnwrittenWhenKIsZero,

    /// <summary>The products are summed in increasing order of value, so negating x changes the order.</summary>
    OrderFollowsTheValues,

    /// <summary>Every other call sums from the last term down.</summary>
    AlternatesOrderBetweenCalls,

    /// <summary>No argument checks: a short span is read past its end or the call throws something other than ArgumentException.</summary>
    SkipsTheArgumentChecks,
}
