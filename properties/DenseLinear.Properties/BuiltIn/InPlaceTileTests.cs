using System.Numerics;
using DenseLinear.Kernels;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// The in-place tiles read x rows <c>ldx</c> apart and weight rows <c>ldb</c> apart instead of packed panels, and must
/// make the very chains of the scalar loop on the same values packed. Vector512 runs in software where the hardware
/// lacks it, so every machine checks these bits.
/// </summary>
public sealed class InPlaceTileTests
{
    [Fact]
    public void The_in_place_tiles_equal_the_scalar_tile_bitwise_float() => TilesAgree<float>(new Random(71));

    [Fact]
    public void The_in_place_tiles_equal_the_scalar_tile_bitwise_double() => TilesAgree<double>(new Random(72));

    // Both tile heights, with strides past the values read, in a C wider than the tile whose other columns and rows
    // stay untouched; C's old values must not matter, since the chains start from zero.
    private static void TilesAgree<T>(Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nr = MicroKernels<T>.NR;
        foreach (int rows in (ReadOnlySpan<int>)[MicroKernels<T>.InPlaceRows, MicroKernels<T>.InPlaceEdgeRows])
        {
            for (int trial = 0; trial < 100; trial++)
            {
                int k = random.Next(0, 40);
                int ldx = k + random.Next(0, 5);
                int ldb = nr + random.Next(0, 9);
                int ldc = nr + random.Next(0, 5);
                T[] x = Generators.SweepValues<T>(random, Math.Max(1, rows * ldx));
                T[] b = Generators.SweepValues<T>(random, Math.Max(1, k * ldb));
                T[] c = Generators.SweepValues<T>(random, (rows + 1) * ldc);
                T[] actual = (T[])c.Clone();
                if (rows == MicroKernels<T>.InPlaceRows)
                {
                    MicroKernels<T>.InPlaceTile(k, ref x[0], ldx, ref b[0], ldb, ref actual[0], ldc);
                }
                else
                {
                    MicroKernels<T>.InPlaceEdgeTile(k, ref x[0], ldx, ref b[0], ldb, ref actual[0], ldc);
                }

                // The same values as an MR-style panel of x (p-major) and a packed weight panel, through the scalar loop.
                var a = new T[Math.Max(1, k * rows)];
                var panel = new T[Math.Max(1, k * nr)];
                for (int p = 0; p < k; p++)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        a[(p * rows) + r] = x[(r * ldx) + p];
                    }

                    Array.Copy(b, p * ldb, panel, p * nr, nr);
                }

                T[] expected = (T[])c.Clone();
                MicroKernels<T>.ScalarTile(k, rows, ref a[0], rows, ref panel[0], ref expected[0], ldc, accumulate: false);
                int first = Matrices.FirstDifference<T>(expected, actual);
                Assert.True(first < 0, $"in-place tile of {rows} rows, k={k}, ldx={ldx}, ldb={ldb}, ldc={ldc}: first difference at index {first}");
            }
        }
    }
}
