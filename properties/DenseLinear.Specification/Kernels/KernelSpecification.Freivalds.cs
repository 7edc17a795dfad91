using System.Globalization;
using DenseLinear.Accuracy;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Specification;

// Family 12: products too large for the exact reference, checked in O(n²) by Freivalds' method: y·r against x·(W·r).
public abstract partial class KernelSpecification<T>
{
    /// <summary>
    /// Each product of <see cref="SpecificationSettings.FreivaldsProducts"/>, in both layouts, with two random
    /// vectors r: every row's y·r within <see cref="ErrorBound.Freivalds{T}"/> of x·(W·r). These sizes cross every
    /// KC, MC and NC block of common blockings, where a blocking bug shows as a wrong block of outputs.
    /// </summary>
    [Fact]
    public virtual void LargeProductsPassFreivaldsCheck()
    {
        foreach ((int m, int k, int n) in SpecificationSettings.FreivaldsProducts)
        {
            var product = FreivaldsCase<T>.For(m, k, n);
            foreach (WeightLayout layout in (ReadOnlySpan<WeightLayout>)[WeightLayout.InOut, WeightLayout.OutIn])
            {
                var c = new MatMulCase<T>(m, k, n, product.X, product.KernelInOut, layout);
                T[] y = Run(c);
                for (int trial = 0; trial < product.Checks.Count; trial++)
                {
                    if (product.Checks[trial].FindViolation(y) is { } v)
                    {
                        Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                            $"Freivalds | {Subject} | {c.Shapes} | row {v.Row}: y·r = {v.Actual:R}, x·(W·r) = {v.Expected:R}, |difference| {Math.Abs(v.Actual - v.Expected):R} > bound {v.Bound:R} (inputs and r from new Random({product.Seed}), r number {trial})"));
                    }
                }
            }
        }
    }
}
