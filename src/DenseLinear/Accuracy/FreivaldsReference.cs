using System.Numerics;

namespace DenseLinear.Accuracy;

/// <summary>
/// Freivalds' check of a product too large for <see cref="ExactReference{T}"/>: for a vector r, each row of the
/// computed y·r must match x·(W·r) within <see cref="ErrorBound.Freivalds{T}"/>. It costs O(m·k + k·n + m·n) instead
/// of O(m·k·n), and a wrong block of outputs moves y·r by far more than the bound.
/// </summary>
/// <remarks>
/// W·r, x·(W·r) and y·r are compensated dot products in double (Dot2, as in <see cref="ExactReference{T}"/>), so
/// their own errors are known and added: the error of y·r and of x·(W·r) for the row, and the errors of the k values
/// of W·r weighted by |x|. A check can only miss what cancels in y·r; a caller draws r at random, so a wrong output
/// escapes only when its r is near zero.
/// </remarks>
/// <typeparam name="T">The element type of x, W and y.</typeparam>
public sealed class FreivaldsReference<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double[] r;
    private readonly double[] targets;
    private readonly double[] targetErrors;
    private readonly double[] weightedGauges;
    private readonly double weightSum;

    private FreivaldsReference(int m, int k, double[] r)
    {
        Rows = m;
        Terms = k;
        this.r = r;
        targets = new double[m];
        targetErrors = new double[m];
        weightedGauges = new double[m];
        weightSum = r.Sum(Math.Abs);
    }

    /// <summary>m, the rows checked.</summary>
    public int Rows { get; }

    /// <summary>k, the length of each output's dot product.</summary>
    public int Terms { get; }

    /// <summary>
    /// Prepares the check of y [m×n] = x [m×k]·W for W [k×n] (InOut) or [n×k] (OutIn), row-major, with the vector
    /// <paramref name="r"/> of n finite values. x and W must be finite.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">m, k or n is negative, or the layout is undefined.</exception>
    /// <exception cref="ArgumentException">A length does not match the shapes, or a value is not finite.</exception>
    public static FreivaldsReference<T> Create(ReadOnlySpan<T> x, ReadOnlySpan<T> w, int m, int k, int n, WeightLayout layout, ReadOnlySpan<double> r)
    {
        ReferenceOperands.Validate(x, w, m, k, n, layout);
        if (r.Length != n)
        {
            throw new ArgumentException($"r has {r.Length} elements but y [{m}×{n}] · r needs {n}.", nameof(r));
        }

        foreach (double value in r)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException("r must be finite.", nameof(r));
            }
        }

        // u = W·r with the error of each value, and g = |W|·|r|.
        var u = new double[k];
        var uErrors = new double[k];
        var g = new double[k];
        for (int p = 0; p < k; p++)
        {
            var dot = new CompensatedDot();
            for (int j = 0; j < n; j++)
            {
                dot.Add(double.CreateChecked(ReferenceOperands.Weight(w, p, j, k, n, layout)), r[j]);
            }

            u[p] = dot.Result;
            uErrors[p] = dot.ErrorBound(n);
            g[p] = dot.Gauge;
        }

        var reference = new FreivaldsReference<T>(m, k, r.ToArray());
        for (int i = 0; i < m; i++)
        {
            var dot = new CompensatedDot();
            double propagated = 0, gauge = 0;
            for (int p = 0; p < k; p++)
            {
                double xValue = double.CreateChecked(x[(i * k) + p]);
                if (!double.IsFinite(xValue))
                {
                    throw new ArgumentException($"x[{i},{p}] is {xValue}; the check needs finite values.", nameof(x));
                }

                dot.Add(xValue, u[p]);
                propagated += Math.Abs(xValue) * uErrors[p];
                gauge += Math.Abs(xValue) * g[p];
            }

            reference.targets[i] = dot.Result;
            reference.targetErrors[i] = dot.ErrorBound(k) + (propagated * (1 + ErrorBound.Gamma(k + 1, ErrorBound.UnitRoundoff<double>())));
            reference.weightedGauges[i] = gauge;
        }

        return reference;
    }

    /// <summary>
    /// The first row of <paramref name="y"/> (row-major [m×n]) whose y·r is outside the bound of x·(W·r), as
    /// (row, computed y·r, expected x·(W·r), bound); null when every row is inside. A non-finite y fails its row.
    /// </summary>
    public (int Row, double Actual, double Expected, double Bound)? FindViolation(ReadOnlySpan<T> y)
    {
        int n = r.Length;
        if (y.Length < (long)Rows * n)
        {
            throw new ArgumentException($"y has {y.Length} elements but y [{Rows}×{n}] needs {(long)Rows * n}.", nameof(y));
        }

        for (int i = 0; i < Rows; i++)
        {
            var dot = new CompensatedDot();
            for (int j = 0; j < n; j++)
            {
                dot.Add(double.CreateChecked(y[(i * n) + j]), r[j]);
            }

            double bound = ErrorBound.Freivalds<T>(Terms, n, weightedGauges[i], weightSum, targetErrors[i] + dot.ErrorBound(n));
            double actual = dot.Result;
            if (!(Math.Abs(actual - targets[i]) <= bound))
            {
                return (i, actual, targets[i], bound);
            }
        }

        return null;
    }
}
