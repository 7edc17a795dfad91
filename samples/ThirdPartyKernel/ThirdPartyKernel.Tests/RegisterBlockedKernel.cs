using System.Numerics;
using DenseLinear;

namespace ThirdPartyKernel;

/// <summary>
/// A register-blocked kernel written outside DenseLinear: y is computed in 4×4 tiles, sixteen accumulators per tile,
/// each summing its k terms in order (p = 0, 1, …) with one multiply and one add per term. Every element is therefore
/// the same sum, in the same order, as the textbook loop, and the kernel promises bitwise determinism. Rows and columns
/// that do not fill a tile are computed one element at a time.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class RegisterBlockedKernel<T> : IMatMulKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Tile = 4;

    /// <inheritdoc />
    public string Name => "ThirdParty.RegisterBlocked4x4";

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);

        // W(p, j) is w[p·pStride + j·jStride] in either layout, so one loop serves both.
        int pStride = layout == WeightLayout.InOut ? n : 1;
        int jStride = layout == WeightLayout.InOut ? 1 : k;
        int fullRows = m - (m % Tile);
        int fullColumns = n - (n % Tile);
        for (int i = 0; i < fullRows; i += Tile)
        {
            for (int j = 0; j < fullColumns; j += Tile)
            {
                MultiplyTile(x, w, y, i, j, k, n, pStride, jStride);
            }

            for (int r = i; r < i + Tile; r++)
            {
                for (int j = fullColumns; j < n; j++)
                {
                    y[(r * n) + j] = Dot(x, w, r, j, k, pStride, jStride);
                }
            }
        }

        for (int r = fullRows; r < m; r++)
        {
            for (int j = 0; j < n; j++)
            {
                y[(r * n) + j] = Dot(x, w, r, j, k, pStride, jStride);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static void MultiplyTile(
        ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int i, int j, int k, int n, int pStride, int jStride)
    {
        T c00 = T.Zero, c01 = T.Zero, c02 = T.Zero, c03 = T.Zero;
        T c10 = T.Zero, c11 = T.Zero, c12 = T.Zero, c13 = T.Zero;
        T c20 = T.Zero, c21 = T.Zero, c22 = T.Zero, c23 = T.Zero;
        T c30 = T.Zero, c31 = T.Zero, c32 = T.Zero, c33 = T.Zero;
        int row0 = i * k;
        int row1 = row0 + k;
        int row2 = row1 + k;
        int row3 = row2 + k;
        for (int p = 0; p < k; p++)
        {
            T a0 = x[row0 + p];
            T a1 = x[row1 + p];
            T a2 = x[row2 + p];
            T a3 = x[row3 + p];
            int at = (p * pStride) + (j * jStride);
            T b0 = w[at];
            T b1 = w[at + jStride];
            T b2 = w[at + (2 * jStride)];
            T b3 = w[at + (3 * jStride)];

            // Separate multiply and add (no fused multiply-add), so each sum rounds like the textbook loop's.
            c00 += a0 * b0;
            c01 += a0 * b1;
            c02 += a0 * b2;
            c03 += a0 * b3;
            c10 += a1 * b0;
            c11 += a1 * b1;
            c12 += a1 * b2;
            c13 += a1 * b3;
            c20 += a2 * b0;
            c21 += a2 * b1;
            c22 += a2 * b2;
            c23 += a2 * b3;
            c30 += a3 * b0;
            c31 += a3 * b1;
            c32 += a3 * b2;
            c33 += a3 * b3;
        }

        Store(y.Slice((i * n) + j, Tile), c00, c01, c02, c03);
        Store(y.Slice(((i + 1) * n) + j, Tile), c10, c11, c12, c13);
        Store(y.Slice(((i + 2) * n) + j, Tile), c20, c21, c22, c23);
        Store(y.Slice(((i + 3) * n) + j, Tile), c30, c31, c32, c33);
    }

    private static void Store(Span<T> row, T v0, T v1, T v2, T v3)
    {
        row[0] = v0;
        row[1] = v1;
        row[2] = v2;
        row[3] = v3;
    }

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
