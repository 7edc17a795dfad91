using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 8: NaN and ±∞ propagate as IEEE arithmetic says, whatever the summation order.
public abstract partial class KernelSpecification<T>
{
    /// <summary>
    /// With NaN or ±∞ in x or W, each output is NaN, +∞, −∞ or finite exactly as the IEEE 754 rules give it term by
    /// term (<see cref="IeeePropagation"/>). The pattern is order-independent here: finite partial sums cannot
    /// overflow, a NaN term or opposite infinities give NaN in any order, and ∞·0 is NaN.
    /// </summary>
    [SpecProperty]
    public virtual Property PropagatesNaNAndInfinityByIeeeRules() =>
        Prop.ForAll(Generators.SpecialValuesCases<T>(), s =>
        {
            MatMulCase<T> c = s.Apply();
            T[] actual = Run(c);
            for (int i = 0; i < actual.Length; i++)
            {
                IeeeClass expected = IeeePropagation.OfDot<T>(c.X, c.KernelInOut, c.K, c.N, i / c.N, i % c.N);
                IeeeClass found = IeeePropagation.Of(actual[i]);
                if (expected != found)
                {
                    return Verdicts.Fail(
                        "Special values", Subject, c.Shapes,
                        $"y[{i / c.N},{i % c.N}]: expected {expected} by the IEEE rules, actual {found} ({Matrices.Format(actual[i])})");
                }
            }

            return Prop.ToProperty(true);
        });
}
