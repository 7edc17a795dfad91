using System.Numerics;
using DenseLinear.Kernels;
using DenseLinear.Properties.Harness;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The kernel specification on the registry's kernel named <paramref name="name"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="name">The kernel's <see cref="IMatMulKernel{T}.Name"/> in <see cref="BuiltInKernels{T}"/>.</param>
public abstract class RegisteredKernelSuite<T>(string name) : DigestedKernelSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override IMatMulKernel<T> Kernel { get; } = BuiltInKernels<T>.Get(name);

    // TensorPrimitives.Dot (x·Wᵀ) sums in vector lanes, so its bits change with the vector width.
    protected override bool PromisesSameBitsOnEveryInstructionSet(WeightLayout layout) =>
        Kernel is not TensorPrimitivesKernel<T> || layout == WeightLayout.InOut;
}
