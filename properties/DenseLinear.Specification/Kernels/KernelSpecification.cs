using System.Numerics;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification;

/// <summary>
/// The whole kernel specification. Derive one sealed class, override <see cref="KernelUnderTest{T}.Kernel"/>, and xunit runs every
/// property on that kernel. Each invariant family lives in its own partial file.
/// </summary>
/// <typeparam name="T">The element type (float or double).</typeparam>
/// <example>
/// <code>
/// public sealed class MyKernelSpecification : KernelSpecification&lt;float&gt;
/// {
///     protected override IMatMulKernel&lt;float&gt; Kernel { get; } = new MyKernel();
/// }
/// </code>
/// </example>
public abstract partial class KernelSpecification<T> : KernelUnderTest<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private string Subject => $"kernel {Kernel.Name} ({typeof(T).Name})";

    private T[] Run(MatMulCase<T> c) => KernelHarness.Run(Kernel, c.X, c.Weight, c.M, c.K, c.N, c.Layout);
}
