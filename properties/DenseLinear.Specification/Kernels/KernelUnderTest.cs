using System.Numerics;

namespace DenseLinear.Specification;

/// <summary>
/// What every specification knows of the kernel under test, declared once: <see cref="KernelSpecification{T}"/>,
/// <see cref="LayerSpecification{T}"/> and <see cref="Fidelity.FidelitySpecification{T}"/> all derive from it. Override
/// <see cref="Kernel"/>, and the promises your kernel makes; every property then runs on it.
/// </summary>
/// <remarks>
/// Every property of the three specifications is a public virtual method. A kernel that cannot meet one overrides it
/// with a skip and a reason, which the test results show (xunit reports it as skipped with that reason):
/// <code>
/// [SpecProperty(Skip = "MyKernel flushes subnormals to zero by design")]
/// public override Property AgreesWithExactReferenceOnSubnormalsZerosAndLargeOperands() =&gt;
///     base.AgreesWithExactReferenceOnSubnormalsZerosAndLargeOperands();
/// </code>
/// </remarks>
/// <typeparam name="T">The element type (float or double).</typeparam>
public abstract class KernelUnderTest<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The kernel under test.</summary>
    protected abstract IMatMulKernel<T> Kernel { get; }

    /// <summary>
    /// Whether the kernel promises bitwise determinism and batch invariance: repeated and concurrent calls, a row alone
    /// and in any batch, give the same bits (family 9), and so do results that must agree in the layer and fidelity
    /// families (N-D input and its flattened form, one layer and its composition's parts). Override with false for a
    /// kernel that does not; those results are then only required to agree within the error bound.
    /// </summary>
    protected virtual bool PromisesDeterminism => true;

    /// <summary>
    /// Whether y for <paramref name="layout"/> has the same bits whatever instruction set the process runs on
    /// (scalar, AVX2, AVX-512; family 11). False by default; a kernel that promises it overrides this and names its
    /// <see cref="RecordedDigests"/>. A kernel that sums in vector lanes (e.g. <c>TensorPrimitives.Dot</c>) changes
    /// its bits with the vector width and must not promise it.
    /// </summary>
    protected virtual bool PromisesSameBitsOnEveryInstructionSet(WeightLayout layout) => false;

    /// <summary>
    /// The digest file (<see cref="Support.OutputDigests"/>), relative to the test assembly's folder or absolute:
    /// required when <see cref="PromisesSameBitsOnEveryInstructionSet"/> is true for a layout.
    /// </summary>
    protected virtual string? RecordedDigests => null;
}
