using System.Numerics;
using DenseLinear.Accuracy;

namespace DenseLinear.Porting;

/// <summary>
/// How far a(yA) and a(yB) may be apart when |yA − yB| ≤ boundA + boundB (both within their bound of the same exact
/// value): the mean value theorem gives L·(boundA + boundB), L = sup|a′|, plus each side's rounding of a.
/// </summary>
/// <remarks>
/// <para>L: 1 for linear, relu and tanh, 1/4 for sigmoid, 1.13 for GELU (sup(Φ(v) + v·φ(v)) ≈ 1.1289 at v = √2), and
/// 1/2 for softmax in the ∞-norm (row j of its Jacobian sums to 2·sⱼ(1 − sⱼ) ≤ 1/2), against the row's largest bound.</para>
/// <para>Rounding: linear and relu are exact. Sigmoid, tanh and GELU take <see cref="ErrorBound.Activation{T}"/> per
/// side, softmax <see cref="ErrorBound.SoftmaxRelative{T}"/> per side, of the larger |a| inflated by (1 + 8u) so that it
/// covers the exact value's magnitude; 16u_d more per side for the double formulas' own error against the exact
/// function.</para>
/// </remarks>
internal static class ActivationAllowance
{
    public static double Lipschitz(Activation activation) => activation switch
    {
        Activation.Sigmoid => 0.25,
        Activation.Gelu => 1.13,
        Activation.Softmax => 0.5,
        _ => 1,
    };

    /// <summary>The allowance of one element, <paramref name="bounds"/> being boundA + boundB (for softmax, the row's largest).</summary>
    public static double Of<T>(Activation activation, double bounds, double larger, int rowLength, double spread)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double u = ErrorBound.UnitRoundoff<T>(), ud = ErrorBound.UnitRoundoff<double>();
        double magnitude = Math.Abs(larger) * (1 + (8 * u));
        double rounding = activation switch
        {
            Activation.Linear or Activation.Relu => 0,
            Activation.Softmax => (ErrorBound.SoftmaxRelative<T>(rowLength, spread) * magnitude) + ErrorBound.SmallestSubnormal<T>() + (16 * ud * magnitude),
            _ => ErrorBound.Activation<T>(activation, magnitude) + (16 * ud * magnitude),
        };
        return ((Lipschitz(activation) * bounds) + (2 * rounding)) * (1 + (4 * ud));
    }
}
