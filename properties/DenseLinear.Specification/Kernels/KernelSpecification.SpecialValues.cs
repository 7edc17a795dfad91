using DenseLinear.Kernels;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 7: NaN and ±∞ propagate as IEEE arithmetic says, whatever the summation order.
public abstract partial class KernelSpecification<T>
{
    /// <summary>
    /// With NaN or ±∞ in x or W, each output is NaN, +∞, −∞ or finite exactly as for the naive loop. The pattern is
    /// order-independent here: finite partial sums cannot overflow, a NaN term or opposite infinities give NaN in
    /// any order, and ∞·0 is NaN.
    /// </summary>
    [SpecProperty]
    public Property PropagatesNaNAndInfinityLikeTheNaiveLoop() =>
        Prop.ForAll(Generators.SpecialValuesCases<T>(), s =>
        {
            MatMulCase<T> c = s.Apply();
            T[] expected = KernelHarness.Run(NaiveKernel<T>.Instance, c);
            T[] actual = Run(c);
            for (int i = 0; i < actual.Length; i++)
            {
                if (Classify(expected[i]) != Classify(actual[i]))
                {
                    return Verdicts.Fail(
                        "Special values", Subject, c.Shapes,
                        $"y[{i / c.N},{i % c.N}]: expected {Classify(expected[i])} (naive {Matrices.Format(expected[i])}), actual {Classify(actual[i])} ({Matrices.Format(actual[i])})");
                }
            }

            return Prop.ToProperty(true);
        });

    private static string Classify(T value) =>
        T.IsNaN(value) ? "NaN" : T.IsPositiveInfinity(value) ? "+Inf" : T.IsNegativeInfinity(value) ? "-Inf" : "finite";
}
