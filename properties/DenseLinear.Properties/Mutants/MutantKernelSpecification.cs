using System.Numerics;
using DenseLinear.Specification;

namespace DenseLinear.Properties.Mutants;

/// <summary>The kernel specification on a mutant. Internal, so xunit does not run it as a suite.</summary>
internal sealed class MutantKernelSpecification<T>(IMatMulKernel<T> kernel) : KernelSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override IMatMulKernel<T> Kernel => kernel;
}
