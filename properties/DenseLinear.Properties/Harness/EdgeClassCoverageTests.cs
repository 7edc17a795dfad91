using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace DenseLinear.Properties.Harness;

/// <summary>
/// The quick profile reaches every edge class: one property's worth of cases (100, at the sizes FsCheck steps
/// through up to the quick profile's end size) from the kernel generators holds each class of
/// <see cref="EdgeClasses"/> at least three times, and the special-operand generator holds every regime.
/// </summary>
public sealed class EdgeClassCoverageTests
{
    private const int Cases = SpecificationSettings.QuickMaxTest;

    [Fact]
    public void One_quick_run_of_the_product_generators_reaches_every_edge_class()
    {
        MatMulCase<float>[] plain = Sample(Generators.MatMulCases<float>().Generator);
        MatMulCase<float>[] special = Sample(Generators.SpecialOperandsCases<float>().Generator).Select(s => s.Case).ToArray();
        foreach (string name in EdgeClasses.All)
        {
            int count = plain.Concat(special).Count(c => EdgeClasses.Of(c).Contains(name));
            Assert.True(count >= 3, $"'{name}' came up {count} times in {2 * Cases} cases");
        }
    }

    [Fact]
    public void One_quick_run_of_the_special_operand_generator_holds_every_regime_with_its_values()
    {
        SpecialOperandsCase<double>[] cases = Sample(Generators.SpecialOperandsCases<double>().Generator);
        foreach (OperandRegime regime in Enum.GetValues<OperandRegime>())
        {
            Assert.Contains(cases, s => s.Regime == regime && s.Case.M * s.Case.K * s.Case.N > 0);
        }

        Assert.Contains(cases, s => s.Regime == OperandRegime.SubnormalX && s.Case.X.Any(double.IsSubnormal));
        Assert.Contains(cases, s => s.Regime == OperandRegime.SubnormalWeight && s.Case.KernelInOut.Any(double.IsSubnormal));
        Assert.Contains(cases, s => s.Case.X.Concat(s.Case.KernelInOut).Any(v => v == 0 && double.IsNegative(v)));
        Assert.Contains(cases, s => s.Regime == OperandRegime.NearOverflowX && s.Case.X.Any(v => Math.Abs(v) >= Math.ScaleB(1, 1019)));
    }

    [Fact]
    public void Large_operands_cannot_overflow_in_any_order()
    {
        foreach (SpecialOperandsCase<float> s in Sample(Generators.SpecialOperandsCases<float>().Generator))
        {
            double largest = LargestGauge(s.Case);
            Assert.True(largest < Math.ScaleB(1, 125), $"{s}: Σ|x||w| = {largest}");
        }
    }

    // The largest Σ|x||w| over the outputs: every partial sum in any order is at most that.
    private static double LargestGauge(MatMulCase<float> c)
    {
        double largest = 0;
        foreach (double gauge in c.Reference().Gauges)
        {
            largest = Math.Max(largest, gauge);
        }

        return largest;
    }

    // FsCheck steps the size from 0 up to the end size over a run's cases.
    private static TCase[] Sample<TCase>(Gen<TCase> generator) =>
        [.. Enumerable.Range(0, Cases).Select(i => generator.Sample(1, i * SpecificationSettings.QuickEndSize / Cases)[0])];
}
