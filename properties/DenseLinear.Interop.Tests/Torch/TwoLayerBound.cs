using System.Numerics;
using DenseLinear.Accuracy;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// How far two floating-point evaluations of torch's <c>nn.Sequential(Linear, ReLU, Linear)</c>,
/// y = relu(x·W₁ᵀ + b₁)·W₂ᵀ + b₂, may differ at each output, whatever order each one sums in: ours against torch's,
/// or torch's on one CPU against torch's on another.
/// </summary>
/// <remarks>
/// Any evaluation's hidden pre-activation is within b₁ of the exact one (<see cref="ExactReference{T}.Bound"/>, so
/// <see cref="ErrorBound"/>), and ReLU is 1-Lipschitz, so two evaluations' hidden values differ by at most 2b₁ and
/// each has magnitude at most |relu(exact)| + b₁. The output layer of each evaluation is then within b₂ of the exact
/// product of its own hidden values, where b₂ is the bound on those largest magnitudes; and the two exact products
/// differ at output o by at most Σⱼ |W₂[o, j]|·2b₁[j]. In all: 2b₂ + Σⱼ |W₂[o, j]|·2b₁[j].
/// </remarks>
public static class TwoLayerBound
{
    /// <summary>
    /// The bound per output, row-major [m × outputs], for x [m × inputs], W₁ [hidden × inputs], b₁ [hidden],
    /// W₂ [outputs × hidden] and b₂ [outputs] (torch's OutIn layout).
    /// </summary>
    public static double[] Between<T>(T[] x, int m, T[] w1, T[] b1, T[] w2, T[] b2)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w1);
        ArgumentNullException.ThrowIfNull(b1);
        ArgumentNullException.ThrowIfNull(w2);
        ArgumentNullException.ThrowIfNull(b2);
        int hidden = b1.Length, outputs = b2.Length;
        int inputs = m == 0 ? 0 : x.Length / m;
        ExactReference<T> first = ExactReference<T>.Multiply(x, w1, m, inputs, hidden, WeightLayout.OutIn, b1);

        // The largest magnitude any evaluation's hidden value can have, rounded up into T.
        var largestHidden = new T[m * hidden];
        for (int i = 0; i < largestHidden.Length; i++)
        {
            double magnitude = Math.Max(first.Values[i], 0) + first.Bound(i);
            largestHidden[i] = T.BitIncrement(T.CreateChecked(magnitude));
        }

        ExactReference<T> second = ExactReference<T>.Multiply(largestHidden, w2, m, hidden, outputs, WeightLayout.OutIn, b2);
        var bounds = new double[m * outputs];
        for (int i = 0; i < m; i++)
        {
            for (int o = 0; o < outputs; o++)
            {
                double propagated = 0;
                for (int j = 0; j < hidden; j++)
                {
                    propagated += Math.Abs(double.CreateChecked(w2[(o * hidden) + j])) * 2 * first.Bound((i * hidden) + j);
                }

                bounds[(i * outputs) + o] = (2 * second.Bound((i * outputs) + o)) + propagated;
            }
        }

        return bounds;
    }
}
