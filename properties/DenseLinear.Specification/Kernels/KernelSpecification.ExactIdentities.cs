using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 3: identities that are exact in every summation order, with or without FMA, asserted bitwise
// (+0 and −0 compare equal: the sign of an exact zero sum depends on how the accumulator starts).
public abstract partial class KernelSpecification<T>
{
    /// <summary>Row i of x = ±e_p picks out ±row p of K: every other product is ±0 and adding zeros is exact.</summary>
    [SpecProperty]
    public virtual Property OneHotRowsPickOutRowsOfTheKernel() =>
        Prop.ForAll(Generators.MatMulCases<T>(), c =>
        {
            var x = new T[c.M * c.K];
            var expected = new T[c.M * c.N];
            for (int i = 0; c.K > 0 && i < c.M; i++)
            {
                // Row 0 picks the last index (where skipped tails hide); later rows walk back through every index.
                int p = (((c.K - 1 - i) % c.K) + c.K) % c.K;
                T sign = i % 2 == 0 ? T.One : -T.One;
                x[(i * c.K) + p] = sign;
                for (int j = 0; j < c.N; j++)
                {
                    expected[(i * c.N) + j] = sign * c.KernelInOut[(p * c.N) + j];
                }
            }

            MatMulCase<T> oneHot = c.WithX(x);
            return Verdicts.Identical("One-hot rows", Subject, oneHot.Shapes, expected, Run(oneHot), c.N);
        });

    /// <summary>An identity weight (k = n) returns x.</summary>
    [SpecProperty]
    public virtual Property IdentityWeightReturnsX() =>
        Prop.ForAll(Generators.IdentityCases<T>(), c => Verdicts.Identical("Identity weight", Subject, c.Shapes, c.X, Run(c), c.K));

    /// <summary>Scaling x, or W, by 2ᵖ scales y by exactly 2ᵖ (no value here can overflow or underflow).</summary>
    [SpecProperty]
    public virtual Property PowerOfTwoScalingIsExact() =>
        Prop.ForAll(Generators.ScaledCases<T>(), pair =>
        {
            (MatMulCase<T> c, int p) = pair;
            T factor = T.ScaleB(T.One, p);
            T[] expected = [.. Run(c).Select(v => v * factor)];
            MatMulCase<T> scaledX = c.WithX([.. c.X.Select(v => v * factor)]);
            MatMulCase<T> scaledW = c with { KernelInOut = [.. c.KernelInOut.Select(v => v * factor)] };
            return Verdicts.All(
                Verdicts.Identical($"Scaling x by 2^{p}", Subject, c.Shapes, expected, Run(scaledX), c.N),
                Verdicts.Identical($"Scaling W by 2^{p}", Subject, c.Shapes, expected, Run(scaledW), c.N));
        });

    /// <summary>Negating x negates y: round-to-nearest is symmetric, in every order.</summary>
    [SpecProperty]
    public virtual Property NegatingXNegatesY() =>
        Prop.ForAll(Generators.MatMulCases<T>(), c =>
        {
            T[] expected = [.. Run(c).Select(v => -v)];
            return Verdicts.Identical("Negation", Subject, c.Shapes, expected, Run(c.WithX([.. c.X.Select(v => -v)])), c.N);
        });

    /// <summary>x = 0 gives y = 0, and k = 0 gives y = 0 for any m and n.</summary>
    [SpecProperty]
    public virtual Property ZeroInputAndEmptySumGiveZero() =>
        Prop.ForAll(Generators.MatMulCases<T>(), c =>
        {
            var zeros = new T[c.M * c.N];
            MatMulCase<T> zeroX = c.WithX(new T[c.X.Length]);
            MatMulCase<T> emptySum = c with { K = 0, X = [], KernelInOut = [] };
            return Verdicts.All(
                Verdicts.Identical("Zero input", Subject, zeroX.Shapes, zeros, Run(zeroX), c.N),
                Verdicts.Identical("k = 0", Subject, emptySum.Shapes, zeros, Run(emptySum), c.N));
        });
}
