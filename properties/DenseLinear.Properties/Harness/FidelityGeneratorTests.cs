using DenseLinear.Specification.Cases;
using FsCheck.Fluent;
using Xunit;

namespace DenseLinear.Properties.Harness;

/// <summary>The fidelity generators produce what the families rely on.</summary>
public sealed class FidelityGeneratorTests
{
    [Fact]
    public void Activation_values_reach_past_floats_exp_overflow_so_an_unshifted_softmax_can_fail()
    {
        float[] values = Generators.ActivationValue<float>().Sample(1000, 20);
        Assert.Contains(values, v => v > 88.8f);
        Assert.All(values, v => Assert.True(float.IsFinite(v) && Math.Abs(v) < 256));
    }

    [Fact]
    public void Gradcheck_cases_are_small_and_smooth()
    {
        GradientCase<double>[] cases = Generators.GradcheckCases<double>().Generator.Sample(200, 10);
        Assert.All(cases, g =>
        {
            Assert.InRange(g.Layer.InFeatures, 1, 5);
            Assert.InRange(g.Layer.OutFeatures, 1, 5);
            Assert.All(g.Layer.Input.Concat(g.Layer.WeightOutIn).Concat(g.OutputGradient), v => Assert.InRange(v, -1, 1));
        });
    }
}
