using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.MixedPrecision;

// Family 24: determinism and batch invariance, bitwise for a kernel that promises them.
public abstract partial class MixedPrecisionKernelSpecification<TWeight>
{
    /// <summary>Repeated and concurrent calls give the same y.</summary>
    [SpecProperty]
    public virtual Property RepeatedAndConcurrentCallsAgree() =>
        Prop.ForAll(Cases(), c =>
        {
            float[] first = Run(c);
            float[][] concurrent = new float[4][];
            Parallel.For(0, concurrent.Length, i => concurrent[i] = Run(c));
            return Verdicts.All([SameOrWithinBound("Mixed repeated call", c, first, Run(c)), .. concurrent.Select(y => SameOrWithinBound("Mixed concurrent call", c, first, y))]);
        });

    /// <summary>Each row computed alone equals the same row in the batch: the batch size never changes a result.</summary>
    [SpecProperty]
    public virtual Property RowsDoNotDependOnTheBatch() =>
        Prop.ForAll(Cases(), c =>
        {
            int m = c.Wide.M, k = c.Wide.K, n = c.Wide.N;
            float[] batch = Run(c);
            var alone = new float[m * n];
            for (int i = 0; i < m; i++)
            {
                MatMulCase<float> row = c.Wide with { M = 1, X = c.X.AsSpan(i * k, k).ToArray() };
                Run(c with { Wide = row }).CopyTo(alone, i * n);
            }

            return SameOrWithinBound("Mixed batch invariance", c, batch, alone);
        });

    private Property SameOrWithinBound(string property, MixedPrecisionCase<TWeight> c, float[] expected, float[] actual) =>
        PromisesDeterminism
            ? Verdicts.Identical(property, Subject, c.Shapes, expected, actual, c.Wide.N)
            : Verdicts.WithinBound(property, Subject, c.Shapes, c.Reference(), actual, 2);
}
