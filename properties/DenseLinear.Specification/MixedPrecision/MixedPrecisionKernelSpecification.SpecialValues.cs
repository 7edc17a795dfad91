using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.MixedPrecision;

// Family 25: NaN and ±∞ among x or the 16-bit weights propagate as the IEEE rules give term by term.
public abstract partial class MixedPrecisionKernelSpecification<TWeight>
{
    /// <summary>
    /// With NaN or ±∞ placed in x or W (as 16-bit patterns), each y element is NaN, +∞, −∞ or finite exactly as
    /// <see cref="IeeePropagation"/> says for the widened operands; finite elements stay within the bound.
    /// </summary>
    [SpecProperty]
    public virtual Property PropagatesNaNAndInfinityByIeeeRules() =>
        Prop.ForAll(Generators.SpecialValuesCases<float>(), s =>
        {
            MatMulCase<float> wide = s.Apply();
            MixedPrecisionCase<TWeight> c = MixedPrecisionCase<TWeight>.Narrowed(wide);
            float[] y = Run(c);
            int k = wide.K, n = wide.N;
            for (int i = 0; i < wide.M; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    IeeeClass expected = IeeePropagation.OfDot<float>(c.X, c.Wide.KernelInOut, k, n, i, j);
                    IeeeClass actual = IeeePropagation.Of(y[(i * n) + j]);
                    if (expected != actual)
                    {
                        return Verdicts.Fail("Mixed special values", Subject, c.Shapes, $"y[{i},{j}]: expected {expected}, actual {Matrices.Format(y[(i * n) + j])}");
                    }
                }
            }

            return Prop.ToProperty(true);
        });
}
