using DenseLinear.Accuracy;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 4: linearity within bounds derived from the products' own (ErrorBound.Additivity and Homogeneity).
public abstract partial class KernelSpecification<T>
{
    /// <summary>K(x₁ + x₂) = K(x₁) + K(x₂) within <see cref="ErrorBound.Additivity{T}"/>.</summary>
    [SpecProperty]
    public virtual Property IsAdditive() =>
        Prop.ForAll(Generators.LinearityCases<T>(), l =>
        {
            MatMulCase<T> c1 = l.Case;
            MatMulCase<T> c2 = c1.WithX(l.X2);
            MatMulCase<T> sum = c1.WithX([.. c1.X.Zip(l.X2, (a, b) => a + b)]);
            T[] y1 = Run(c1), y2 = Run(c2), ys = Run(sum);
            ExactReference<T> r1 = c1.Reference(), r2 = c2.Reference(), rs = sum.Reference();
            for (int i = 0; i < ys.Length; i++)
            {
                double parts = double.CreateChecked(y1[i]) + double.CreateChecked(y2[i]);
                double difference = Math.Abs(double.CreateChecked(ys[i]) - parts);
                double bound = ErrorBound.Additivity<T>(rs.Bound(i), r1.Bound(i), r2.Bound(i), r1.Gauges[i], r2.Gauges[i], Math.Abs(parts));
                if (!(difference <= bound))
                {
                    return Verdicts.Fail(
                        "Additivity", Subject, c1.Shapes,
                        $"y[{i / c1.N},{i % c1.N}]: expected K(x1)+K(x2) = {parts:R}, actual K(x1+x2) = {Matrices.Format(ys[i])}, |difference| {difference:R} > bound {bound:R}");
                }
            }

            return Prop.ToProperty(true);
        });

    /// <summary>K(α·x) = α·K(x) within <see cref="ErrorBound.Homogeneity{T}"/>.</summary>
    [SpecProperty]
    public virtual Property IsHomogeneous() =>
        Prop.ForAll(Generators.LinearityCases<T>(), l =>
        {
            MatMulCase<T> c = l.Case;
            MatMulCase<T> scaled = c.WithX([.. c.X.Select(v => l.Alpha * v)]);
            T[] y = Run(c), ys = Run(scaled);
            ExactReference<T> r = c.Reference(), rs = scaled.Reference();
            double alpha = double.CreateChecked(l.Alpha);
            for (int i = 0; i < ys.Length; i++)
            {
                double expected = alpha * double.CreateChecked(y[i]);
                double difference = Math.Abs(double.CreateChecked(ys[i]) - expected);
                double bound = ErrorBound.Homogeneity<T>(rs.Bound(i), r.Bound(i), r.Gauges[i], alpha, Math.Abs(expected));
                if (!(difference <= bound))
                {
                    return Verdicts.Fail(
                        "Homogeneity", Subject, c.Shapes,
                        $"y[{i / c.N},{i % c.N}]: expected α·K(x) = {expected:R}, actual K(α·x) = {Matrices.Format(ys[i])}, |difference| {difference:R} > bound {bound:R} (α = {Matrices.Format(l.Alpha)})");
                }
            }

            return Prop.ToProperty(true);
        });
}
