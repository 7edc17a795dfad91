namespace DenseLinear.Accuracy;

/// <summary>Dot2 accumulation in double: error-free products and sums, one rounding at the end.</summary>
internal struct CompensatedDot
{
    // Below 2^-969 (2^(emin + p)) a product's rounding error may not be representable: TwoProduct is no longer exact.
    private static readonly double ExactProductThreshold = Math.ScaleB(1, -969);

    private double sum;
    private double compensation;
    private double gauge;
    private bool underflowRisk;

    public readonly double Result => sum + compensation;

    public readonly double Gauge => gauge;

    public void Add(double a, double b)
    {
        // TwoProduct: the FMA recovers the product's rounding error exactly (unless it underflows).
        double product = a * b;
        double productError = Math.FusedMultiplyAdd(a, b, -product);

        // TwoSum (Knuth): the exact rounding error of the addition, branch-free.
        double newSum = sum + product;
        double bVirtual = newSum - sum;
        double sumError = (sum - (newSum - bVirtual)) + (product - bVirtual);
        sum = newSum;
        compensation += sumError + productError;
        gauge += Math.Abs(product);
        underflowRisk |= product != 0 && Math.Abs(product) < ExactProductThreshold;
    }

    /// <summary>Ogita–Rump–Oishi: u·|result| + γₙ²·gauge, plus n·η(double) when a product may have underflowed.</summary>
    public readonly double ErrorBound(int terms)
    {
        double u = Accuracy.ErrorBound.UnitRoundoff<double>();
        double gamma = Accuracy.ErrorBound.Gamma(terms, u);
        double underflow = underflowRisk ? terms * double.Epsilon * 4 : 0;
        return (u * Math.Abs(Result)) + (gamma * gamma * gauge) + underflow;
    }
}
