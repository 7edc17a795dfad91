using DenseLinear.Specification.MixedPrecision;

namespace DenseLinear.Properties.MixedPrecision;

/// <summary>The mixed-precision specification on a mutant. Internal, so xunit does not run it as a suite.</summary>
internal sealed class MixedPrecisionMutantSpecification<TWeight>(IMixedPrecisionKernel<TWeight> kernel) : MixedPrecisionKernelSpecification<TWeight>
    where TWeight : unmanaged
{
    protected override IMixedPrecisionKernel<TWeight> Kernel => kernel;
}
