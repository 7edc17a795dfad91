using System.Numerics;

namespace DenseLinear.Accuracy;

/// <summary>
/// A reference product accurate to about one double rounding, whatever <typeparamref name="T"/> is, with the
/// gauge Σ|x|·|w| that <see cref="ErrorBound"/> scales.
/// </summary>
/// <remarks>
/// Each dot product uses Dot2 (Ogita, Rump and Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26,
/// 2005): error-free products via fused multiply-add and error-free sums, so the result is as if computed in twice
/// the working precision and rounded once: <c>|res − xᵀw| ≤ u·|xᵀw| + γₖ²·|x|ᵀ|w|</c> with u = 2⁻⁵³.
/// Float inputs widen to double exactly, and their products are exact there.
/// </remarks>
/// <typeparam name="T">The element type of the inputs.</typeparam>
public sealed class ExactReference<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double[] values;
    private readonly double[] gauges;
    private readonly double[] errors;

    private ExactReference(int rows, int columns, int terms)
    {
        Rows = rows;
        Columns = columns;
        Terms = terms;
        values = new double[rows * columns];
        gauges = new double[rows * columns];
        errors = new double[rows * columns];
    }

    /// <summary>m, the number of output rows.</summary>
    public int Rows { get; }

    /// <summary>n, the number of output columns.</summary>
    public int Columns { get; }

    /// <summary>The number of rounded terms per element: k, or k + 1 with a bias.</summary>
    public int Terms { get; }

    /// <summary>The reference values, row-major [m×n].</summary>
    public ReadOnlySpan<double> Values => values;

    /// <summary>The gauges Σ|x|·|w| (+|b|), row-major [m×n].</summary>
    public ReadOnlySpan<double> Gauges => gauges;

    /// <summary>The reference's own error bounds |value − exact| (Dot2's), row-major [m×n].</summary>
    public ReadOnlySpan<double> ReferenceErrors => errors;

    /// <summary>
    /// Computes <c>x·W (+ b)</c> to about double accuracy. Same shape contract as
    /// <see cref="IMatMulKernel{T}.Multiply"/>; <paramref name="bias"/> is empty or has n elements.
    /// </summary>
    public static ExactReference<T> Multiply(
        ReadOnlySpan<T> x, ReadOnlySpan<T> w, int m, int k, int n, WeightLayout layout, ReadOnlySpan<T> bias = default)
    {
        // The judge checks its own arguments: it shares no code with the kernels it judges.
        string weightShape = ReferenceOperands.Validate(x, w, m, k, n, layout);
        if (!bias.IsEmpty && bias.Length != n)
        {
            throw new ArgumentException($"bias has {bias.Length} elements but x [{m}×{k}] · {weightShape} needs {n}.", nameof(bias));
        }

        ArrayLength.Of((long)m * n, $"the reference product y [{m}×{n}]", nameof(m));
        var reference = new ExactReference<T>(m, n, bias.IsEmpty ? k : k + 1);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                var dot = new CompensatedDot();
                for (int p = 0; p < k; p++)
                {
                    dot.Add(double.CreateChecked(x[(i * k) + p]), double.CreateChecked(ReferenceOperands.Weight(w, p, j, k, n, layout)));
                }

                if (!bias.IsEmpty)
                {
                    dot.Add(double.CreateChecked(bias[j]), 1.0);
                }

                int index = (i * n) + j;
                reference.values[index] = dot.Result;
                reference.gauges[index] = dot.Gauge;
                reference.errors[index] = dot.ErrorBound(reference.Terms);
            }
        }

        return reference;
    }

    /// <summary>The admissible error of a <typeparamref name="T"/> computation of element <paramref name="index"/>.</summary>
    public double Bound(int index) => ErrorBound.DotProduct<T>(Terms, gauges[index], errors[index]);

    /// <summary>
    /// Compares <paramref name="actual"/> (row-major [m×n]) with the reference, scaled by
    /// <paramref name="boundFactor"/> (2 when two computed results are compared with each other through the
    /// reference). Non-finite references must be matched exactly in kind (NaN, +∞, −∞).
    /// </summary>
    /// <returns>The first element outside its bound, or <see langword="null"/> when all are inside.</returns>
    public AccuracyViolation? FindViolation(ReadOnlySpan<T> actual, double boundFactor = 1)
    {
        if (actual.Length != values.Length)
        {
            throw new ArgumentException($"actual has {actual.Length} elements, the reference [{Rows}×{Columns}] has {values.Length}.", nameof(actual));
        }

        for (int index = 0; index < values.Length; index++)
        {
            double computed = double.CreateChecked(actual[index]);
            double expected = values[index];
            double bound = boundFactor * Bound(index);
            bool ok = double.IsFinite(expected)
                ? Math.Abs(computed - expected) <= bound
                : double.IsNaN(expected) ? double.IsNaN(computed) : computed == expected;
            if (!ok)
            {
                double error = Math.Abs(computed - expected);
                return new AccuracyViolation(
                    index / Columns, index % Columns, expected, computed, bound, ErrorBound.TestRatio<T>(error, gauges[index]));
            }
        }

        return null;
    }
}
