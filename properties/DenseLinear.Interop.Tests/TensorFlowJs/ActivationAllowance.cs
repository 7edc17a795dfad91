namespace DenseLinear.Interop.Tests.TensorFlowJs;

/// <summary>
/// How far two float implementations of <c>a(x·K + b)</c> may differ, both pre-activations being within the
/// specification's bound B of the exact z (<see cref="ExactReference{T}.Bound"/>).
/// </summary>
/// <remarks>
/// <para>Mean value theorem: |a(v) − a(v')| ≤ L·|v − v'| ≤ L·2B, with L = sup|a'|: 1 for linear, relu and tanh,
/// 1/4 for sigmoid. Linear and relu add no rounding (relu only selects), so their allowance is exactly 2B: relu is
/// exact-through.</para>
/// <para>Sigmoid and tanh then round, measured in ulps of the output y (a relative error c·u, u = 2⁻²⁴, is at most
/// c ulps). DenseLayer&lt;float&gt; evaluates sigmoid as 1 / (1 + e⁻ᵛ) in float: expf's error ≤ 1 ulp (≤ 2u relative),
/// passed through the sum with factor e/(1 + e) ≤ 1, plus two roundings of u each: ≤ 4u, so 4 ulps. Tanh is
/// MathF.Tanh, glibc's tanhf, whose largest known error on x86-64 is 2 ulps (≤ 4u): 4 ulps. TensorFlow.js
/// evaluates both in double and rounds once to float: ≤ 0.5 ulp (the double error, ~2⁻⁵², is far below).
/// Together: 4.5, so 5 ulps of the larger |y|.</para>
/// </remarks>
public static class ActivationAllowance
{
    /// <summary>The allowed |y − y'| for one element.</summary>
    public static double Pairwise(Activation activation, double preActivationBound, float y, float yOther)
    {
        double lipschitz = activation == Activation.Sigmoid ? 0.25 : 1;
        int roundingUlps = activation is Activation.Sigmoid or Activation.Tanh ? 5 : 0;
        float larger = Math.Max(Math.Abs(y), Math.Abs(yOther));
        double ulp = MathF.BitIncrement(larger) - larger;
        return (lipschitz * 2 * preActivationBound) + (roundingUlps * ulp);
    }
}
