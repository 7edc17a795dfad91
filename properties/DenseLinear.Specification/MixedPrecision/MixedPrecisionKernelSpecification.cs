using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.MixedPrecision;

/// <summary>
/// The specification of a mixed-precision kernel (<see cref="IMixedPrecisionKernel{TWeight}"/>): float x and y,
/// 16-bit weights widened exactly, float accumulation. Derive one sealed class per weight type and override
/// <see cref="Kernel"/>; xunit runs every property on it. Each family lives in its own partial file; like the other
/// specifications' properties, each is public virtual, so a kernel that cannot meet one overrides it with a Skip.
/// </summary>
/// <remarks>
/// Because widening is exact, the reference is the exact product of x and the widened weights, and the tolerance is
/// float's (<see cref="Accuracy.ErrorBound.MixedPrecisionDotProduct"/>): a kernel that rounds anything to 16 bits on
/// the way, accumulates in 16 bits, or flushes weights, fails it.
/// </remarks>
/// <typeparam name="TWeight"><see cref="BFloat16"/> or <see cref="Half"/>.</typeparam>
/// <example>
/// <code>
/// public sealed class MyBFloat16Kernel : MixedPrecisionKernelSpecification&lt;BFloat16&gt;
/// {
///     protected override IMixedPrecisionKernel&lt;BFloat16&gt; Kernel { get; } = new MyKernel();
/// }
/// </code>
/// </example>
public abstract partial class MixedPrecisionKernelSpecification<TWeight>
    where TWeight : unmanaged
{
    /// <summary>The kernel under test.</summary>
    protected abstract IMixedPrecisionKernel<TWeight> Kernel { get; }

    /// <summary>
    /// Whether the kernel promises bitwise determinism and batch invariance (family 24). Override with false for a
    /// kernel that does not; its results are then only required to agree within twice the error bound.
    /// </summary>
    protected virtual bool PromisesDeterminism => true;

    private string Subject => $"kernel {Kernel.Name} (Single × {typeof(TWeight).Name})";

    /// <summary>Random products with weights rounded to <typeparamref name="TWeight"/>, shrunk as float products are.</summary>
    private static Arbitrary<MixedPrecisionCase<TWeight>> Cases() => Narrowed(Generators.MatMulCases<float>());

    private static Arbitrary<MixedPrecisionCase<TWeight>> Narrowed(Arbitrary<MatMulCase<float>> wide) =>
        Arb.From(wide.Generator.Select(MixedPrecisionCase<TWeight>.Narrowed), c => wide.Shrinker(c.Wide).Select(MixedPrecisionCase<TWeight>.Narrowed));

    private float[] Run(MixedPrecisionCase<TWeight> c) =>
        MixedPrecisionHarness.Run(Kernel, c.X, c.Weight, c.Wide.M, c.Wide.K, c.Wide.N, c.Wide.Layout);
}
