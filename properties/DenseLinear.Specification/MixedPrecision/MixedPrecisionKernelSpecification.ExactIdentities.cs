using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.MixedPrecision;

// Family 23: identities exact in every summation order, asserted bitwise: one-hot rows, zero x and k = 0, negation,
// power-of-two scaling of x.
public abstract partial class MixedPrecisionKernelSpecification<TWeight>
{
    /// <summary>A one-hot row of x picks out the widened row of K, exactly: one product of 1 and a weight, no sum.</summary>
    [SpecProperty]
    public virtual Property OneHotRowsPickOutRowsOfTheKernel() =>
        Prop.ForAll(Cases(), c =>
        {
            int m = c.Wide.M, k = c.Wide.K, n = c.Wide.N;
            if (k == 0)
            {
                return Prop.ToProperty(true);
            }

            var x = new float[m * k];
            var expected = new float[m * n];
            for (int i = 0; i < m; i++)
            {
                int p = (i * 7) % k;
                x[(i * k) + p] = 1;
                c.Wide.KernelInOut.AsSpan(p * n, n).CopyTo(expected.AsSpan(i * n, n));
            }

            MixedPrecisionCase<TWeight> oneHot = c with { Wide = c.Wide.WithX(x) };
            return Verdicts.Identical("Mixed one-hot rows", Subject, oneHot.Shapes, expected, Run(oneHot), n);
        });

    /// <summary>x = 0 gives y = +0 or −0 everywhere (compared as equal), and k = 0 gives zeros: y is always written.</summary>
    [SpecProperty]
    public virtual Property ZeroInputAndEmptySumGiveZero() =>
        Prop.ForAll(Cases(), c =>
        {
            MixedPrecisionCase<TWeight> zero = c with { Wide = c.Wide.WithX(new float[c.X.Length]) };
            return Verdicts.Identical("Mixed zero input", Subject, zero.Shapes, new float[c.Wide.M * c.Wide.N], Run(zero), c.Wide.N);
        });

    /// <summary>(−x)·W = −(x·W) bitwise: rounding to nearest is symmetric, whatever the order.</summary>
    [SpecProperty]
    public virtual Property NegatingXNegatesY() =>
        Prop.ForAll(Cases(), c =>
        {
            float[] y = Run(c);
            MixedPrecisionCase<TWeight> negated = c with { Wide = c.Wide.WithX([.. c.X.Select(v => -v)]) };
            return Verdicts.Identical("Mixed negation", Subject, negated.Shapes, [.. y.Select(v => -v)], Run(negated), c.Wide.N);
        });

    /// <summary>(2ᵉ·x)·W = 2ᵉ·(x·W) bitwise for |e| ≤ 8: the generated magnitudes keep every partial sum normal.</summary>
    [SpecProperty]
    public virtual Property PowerOfTwoScalingOfXIsExact() =>
        Prop.ForAll(Cases(), Arb.From(Gen.Choose(-8, 8)), (c, e) =>
        {
            float scale = MathF.ScaleB(1, e);
            float[] y = Run(c);
            MixedPrecisionCase<TWeight> scaled = c with { Wide = c.Wide.WithX([.. c.X.Select(v => v * scale)]) };
            return Verdicts.Identical($"Mixed scaling by 2^{e}", Subject, scaled.Shapes, [.. y.Select(v => v * scale)], Run(scaled), c.Wide.N);
        });
}
