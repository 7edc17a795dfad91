using System.Numerics;
using DenseLinear.Kernels;
using DenseLinear.Specification.Fidelity;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The fidelity specification on the registry's kernel named <paramref name="name"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="name">The kernel's <see cref="IMatMulKernel{T}.Name"/> in <see cref="BuiltInKernels{T}"/>.</param>
public abstract class RegisteredFidelitySuite<T>(string name) : FidelitySpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override IMatMulKernel<T> Kernel { get; } = BuiltInKernels<T>.Get(name);
}
