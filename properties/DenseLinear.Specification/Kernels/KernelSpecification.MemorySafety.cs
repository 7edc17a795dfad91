using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 7: the kernel writes y[0, m·n) and nothing else, and never changes its inputs.
public abstract partial class KernelSpecification<T>
{
    /// <summary>
    /// With y a slice of a larger buffer, canaries before y, after y and inside the span past m·n stay intact, and
    /// x and W (slices too) are bit-for-bit unchanged. <see cref="KernelHarness"/> checks this on every call of
    /// every property; this one adds the slack inside the span.
    /// </summary>
    [SpecProperty]
    public virtual Property WritesOnlyItsOutputAndLeavesInputsUnchanged() =>
        Prop.ForAll(Generators.MatMulCases<T>(), c =>
        {
            int slack = 1 + ((c.M + c.K + c.N) % KernelHarness.Margin);
            T[] y = KernelHarness.Run(Kernel, c.X, c.Weight, c.M, c.K, c.N, c.Layout, slack);
            return Verdicts.WithinBound("Memory safety", Subject, c.Shapes, c.Reference(), y);
        });
}
