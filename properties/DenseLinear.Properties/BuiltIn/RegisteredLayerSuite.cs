using System.Numerics;
using DenseLinear.Kernels;
using DenseLinear.Specification;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The layer specification on the registry's kernel named <paramref name="name"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="name">The kernel's <see cref="IMatMulKernel{T}.Name"/> in <see cref="BuiltInKernels{T}"/>.</param>
public abstract class RegisteredLayerSuite<T>(string name) : LayerSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override IMatMulKernel<T> Kernel { get; } = BuiltInKernels<T>.Get(name);
}
