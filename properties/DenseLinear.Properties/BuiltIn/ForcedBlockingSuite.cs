using System.Numerics;
using DenseLinear.Kernels;
using DenseLinear.Properties.Harness;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The kernel specification on a kernel built on one of <see cref="ForcedBlockings"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="build">Makes the kernel from the blocking.</param>
/// <param name="blocking">The blocking's name in <see cref="ForcedBlockings.Names"/>.</param>
public abstract class ForcedBlockingSuite<T>(Func<GemmBlocking<T>, IMatMulKernel<T>> build, string blocking) : DigestedKernelSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override IMatMulKernel<T> Kernel { get; } = build(ForcedBlockings.Of<T>(blocking));
}
