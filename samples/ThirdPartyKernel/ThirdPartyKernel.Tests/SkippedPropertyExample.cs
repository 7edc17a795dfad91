using DenseLinear;
using DenseLinear.Specification;
using DenseLinear.Specification.Support;
using FsCheck;

namespace ThirdPartyKernel;

/// <summary>
/// How a kernel that cannot meet a property says so: every property of the specification is public virtual, so the
/// class overrides it with a skip and a reason, and the test results list it as skipped with that reason. A kernel
/// that flushes subnormals to zero by design would skip the subnormal-range agreement this way. Here the skip only
/// demonstrates the mechanism (.ci/consumer.sh checks that the results show it, reason included):
/// <see cref="RegisterBlockedKernel{T}"/> meets every property, as <see cref="RegisterBlockedKernelSpecification"/> shows.
/// </summary>
public sealed class SkippedPropertyExample : KernelSpecification<float>
{
    /// <summary>The reason the results show.</summary>
    public const string Reason = "Demonstration of a skipped property: a kernel that flushes subnormals would skip this";

    /// <inheritdoc />
    protected override IMatMulKernel<float> Kernel { get; } = new RegisterBlockedKernel<float>();

    /// <inheritdoc />
    [SpecProperty(Skip = Reason)]
    public override Property AgreesWithExactReferenceInTheUnderflowRange() => base.AgreesWithExactReferenceInTheUnderflowRange();
}
