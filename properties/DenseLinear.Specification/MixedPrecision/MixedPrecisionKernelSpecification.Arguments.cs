using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.MixedPrecision;

// Family 26: every run inside the harness (canaries around x, W and y, y filled with NaN first) must leave the inputs
// and everything outside y[0, m·n) untouched; bad arguments are refused by name and write nothing.
public abstract partial class MixedPrecisionKernelSpecification<TWeight>
{
    /// <summary>A weight span one short, an x span one long, or y one short: an ArgumentException naming it, y untouched.</summary>
    [SpecProperty]
    public virtual Property RejectsBadArgumentsAndLeavesOutputUntouched() =>
        Prop.ForAll(Cases(), Arb.From(Gen.Choose(0, 2)), (c, kind) =>
        {
            int m = c.Wide.M, k = c.Wide.K, n = c.Wide.N;
            if (m * n == 0 || k == 0)
            {
                return Prop.ToProperty(true);
            }

            TWeight[] w = c.Weight;
            float[] x = c.X;
            var y = new float[m * n];
            (string named, Action call) = kind switch
            {
                0 => ("w", (Action)(() => Kernel.Multiply(x, w.AsSpan(1), y, m, k, n, c.Wide.Layout))),
                1 => ("x", () => Kernel.Multiply([.. x, 1f], w, y, m, k, n, c.Wide.Layout)),
                _ => ("y", () => Kernel.Multiply(x, w, y.AsSpan(1), m, k, n, c.Wide.Layout)),
            };
            return Verdicts.RejectsAndWritesNothing("Mixed bad arguments", Subject, c.Shapes, named, call, y, n);
        });
}
