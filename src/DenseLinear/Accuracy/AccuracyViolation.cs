using System.Globalization;

namespace DenseLinear.Accuracy;

/// <summary>One output element outside its error bound.</summary>
/// <param name="Row">The output row i.</param>
/// <param name="Column">The output column j.</param>
/// <param name="Expected">The reference value.</param>
/// <param name="Actual">The computed value.</param>
/// <param name="Bound">The admissible |actual − expected|.</param>
/// <param name="TestRatio">|actual − expected| / (u·gauge), the BLAS test ratio.</param>
public sealed record AccuracyViolation(int Row, int Column, double Expected, double Actual, double Bound, double TestRatio)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"y[{Row},{Column}]: expected {Expected:R}, actual {Actual:R}, |error| {Math.Abs(Actual - Expected):R} > bound {Bound:R} (test ratio {TestRatio:G4})");
}
