using System.Numerics;
using DenseLinear;

namespace ThirdPartyKernel.ExpectedFailure;

/// <summary>
/// A kernel with a deliberate bug, kept to show what a failure looks like. Each row is computed four columns at a
/// time, then the leftover columns as a pair and a single.
/// </summary>
/// <remarks>
/// <para><b>The bug:</b> the single leftover column is computed only when <c>n % 4 == 1</c>; the author forgot that
/// three leftover columns are a pair <i>and</i> a single. So when <c>n % 4 == 3</c> the last column of y is never
/// written. The specification fills y with NaN before every call, so the dropped column shows up as <c>actual NaN</c>.
/// All other shapes are computed exactly like the textbook loop.</para>
/// <para>The fix is to test what is left, <c>if (j &lt; n)</c>, instead of <c>n % 4 == 1</c>.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed class DroppedColumnKernel<T> : IMatMulKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    public string Name => "ThirdParty.DroppedColumn";

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        int pStride = layout == WeightLayout.InOut ? n : 1;
        int jStride = layout == WeightLayout.InOut ? 1 : k;
        for (int i = 0; i < m; i++)
        {
            Span<T> row = y.Slice(i * n, n);
            int j = 0;
            for (; j + 4 <= n; j += 4)
            {
                row[j] = Dot(x, w, i, j, k, pStride, jStride);
                row[j + 1] = Dot(x, w, i, j + 1, k, pStride, jStride);
                row[j + 2] = Dot(x, w, i, j + 2, k, pStride, jStride);
                row[j + 3] = Dot(x, w, i, j + 3, k, pStride, jStride);
            }

            if (n - j >= 2)
            {
                row[j] = Dot(x, w, i, j, k, pStride, jStride);
                row[j + 1] = Dot(x, w, i, j + 1, k, pStride, jStride);
                j += 2;
            }

            // BUG (deliberate): should be `if (j < n)`. With n % 4 == 3 the pair above leaves one column, never written.
            if (n % 4 == 1)
            {
                row[j] = Dot(x, w, i, j, k, pStride, jStride);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static T Dot(ReadOnlySpan<T> x, ReadOnlySpan<T> w, int i, int j, int k, int pStride, int jStride)
    {
        T sum = T.Zero;
        for (int p = 0; p < k; p++)
        {
            sum += x[(i * k) + p] * w[(p * pStride) + (j * jStride)];
        }

        return sum;
    }
}
