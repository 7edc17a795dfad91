using System.Numerics;
using DenseLinear.Specification;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// The kernel specification on a mutant that promises the same bits on every instruction set, checked against the
/// digest file <paramref name="digests"/>. Internal, so xunit does not run it as a suite.
/// </summary>
internal sealed class DigestMutantSpecification<T>(IMatMulKernel<T> kernel, string digests) : KernelSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override IMatMulKernel<T> Kernel => kernel;

    protected override string? RecordedDigests => digests;

    protected override bool PromisesSameBitsOnEveryInstructionSet(WeightLayout layout) => true;
}
