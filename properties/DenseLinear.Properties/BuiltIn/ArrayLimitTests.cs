using DenseLinear.Kernels;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// Products so deep that one packed weight panel (k × NR values) would be longer than an array: the packing
/// kernels must compute them anyway, from the unpacked weights, and <c>Pack</c> must refuse them by the padded size.
/// The operands take 2 GiB, allocated once for all the checks.
/// </summary>
public sealed class ArrayLimitTests
{
    // k·16 > Array.MaxLength: a float panel of this depth cannot be allocated.
    private const int K = 1 << 27;
    private const int M = 2;
    private const int N = 2;

    // A few terms per row count (x is zero elsewhere), so the exact sums are small integers; every other weight
    // is 3, so reading a wrong element changes the sum.
    private static readonly int[][] Terms = [[0, K / 2, K - 1], [1, K / 3, K - 2]];

    [Fact]
    public void Products_deeper_than_a_packed_panel_are_computed_exactly_and_Pack_refuses_them()
    {
        var x = new float[M * K];
        var w = new float[K * N];
        for (int i = 0; i < M; i++)
        {
            for (int t = 0; t < Terms[i].Length; t++)
            {
                x[(i * K) + Terms[i][t]] = t + 1 + (4 * i);
            }
        }

        Check(PackedKernel<float>.Instance, WeightLayout.InOut, x, w);
        Check(PackedKernel<float>.Instance, WeightLayout.OutIn, x, w);
        Check(ParallelKernel<float>.Instance, WeightLayout.OutIn, x, w);

        var refusal = Assert.Throws<ArgumentException>(() => PackedKernel<float>.Instance.Pack(w.AsSpan(0, K), K, 1, WeightLayout.InOut));
        Assert.Equal("w", refusal.ParamName);
        Assert.Contains($"K [{K}×1] (InOut) padded to panels of 32 would need {32L * K} elements", refusal.Message, StringComparison.Ordinal);
    }

    private static void Check(IMatMulKernel<float> kernel, WeightLayout layout, float[] x, float[] w)
    {
        Array.Fill(w, 3f);
        for (int i = 0; i < M; i++)
        {
            foreach (int p in Terms[i])
            {
                for (int j = 0; j < N; j++)
                {
                    w[layout == WeightLayout.InOut ? ((long)p * N) + j : ((long)j * K) + p] = Weight(p, j);
                }
            }
        }

        var y = new float[(M * N) + 1];
        y[^1] = float.NaN;
        kernel.Multiply(x, w, y.AsSpan(0, M * N), M, K, N, layout);
        for (int i = 0; i < M; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double expected = 0;
                for (int t = 0; t < Terms[i].Length; t++)
                {
                    int p = Terms[i][t];
                    expected += (double)x[(i * K) + p] * Weight(p, j);
                }

                Assert.True(expected == y[(i * N) + j], $"{kernel.Name} {layout}: y[{i},{j}] = {y[(i * N) + j]}, expected {expected} (k = {K})");
            }
        }

        Assert.True(float.IsNaN(y[^1]), $"{kernel.Name} {layout}: wrote past m·n");
    }

    // W(p, j) at the terms that count: small distinct integers, none of them 3.
    private static float Weight(int p, int j) => 10 + (5 * (p % 7)) + j;
}
