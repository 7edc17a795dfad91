using System.Diagnostics;
using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// Sums k forwards or backwards by the parity of the clock's 4 ms window: back-to-back calls nearly always agree,
/// calls a few milliseconds apart often do not.
/// </summary>
public sealed class ClockOrderKernel<T> : MutantKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly long Window = Stopwatch.Frequency / 250;

    public override string Name => "Mutant.ClockOrder";

    public override void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        bool backwards = Stopwatch.GetTimestamp() / Window % 2 == 1;
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = T.Zero;
                for (int q = 0; q < k; q++)
                {
                    int p = backwards ? k - 1 - q : q;
                    sum += x[(i * k) + p] * Weight(w, p, j, k, n, layout);
                }

                y[(i * n) + j] = sum;
            }
        }
    }
}
