using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.Harness;

/// <summary>The special-values expectation agrees with the hardware's IEEE arithmetic on every pair and sum of classes.</summary>
public sealed class IeeePropagationTests
{
    private static readonly double[] Values =
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1.5, -2.0, double.Epsilon, -double.Epsilon];

    [Fact]
    public void A_product_has_the_class_of_the_computed_product()
    {
        foreach (double a in Values)
        {
            foreach (double b in Values)
            {
                Assert.True(IeeePropagation.Of(a * b) == IeeePropagation.OfProduct(a, b), $"{a} · {b}");
                Assert.True(IeeePropagation.Of((float)a * (float)b) == IeeePropagation.OfProduct((float)a, (float)b), $"{a}f · {b}f");
            }
        }
    }

    [Fact]
    public void A_two_term_dot_has_the_class_of_the_computed_sum_in_both_orders()
    {
        foreach (double a in Values)
        {
            foreach (double b in Values)
            {
                foreach (double c in Values)
                {
                    // x = [a, c] (1×2), K = [b; 1.5] (2×1): y = a·b + c·1.5.
                    IeeeClass expected = IeeePropagation.OfDot<double>([a, c], [b, 1.5], 2, 1, 0, 0);
                    Assert.True(expected == IeeePropagation.Of((a * b) + (c * 1.5)), $"{a}·{b} + {c}·1.5");
                    Assert.True(expected == IeeePropagation.Of((c * 1.5) + (a * b)), $"{c}·1.5 + {a}·{b}");
                }
            }
        }
    }

    [Fact]
    public void An_empty_dot_is_finite() => Assert.Equal(IeeeClass.Finite, IeeePropagation.OfDot<float>([], [], 0, 3, 1, 2));
}
