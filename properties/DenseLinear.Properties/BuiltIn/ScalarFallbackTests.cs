using System.Numerics;
using DenseLinear.Specification;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// The packed kernels promise the same bits whichever path runs: the scalar fallbacks (taken on machines without
/// 256-bit FMA) must make the very chains of the vector micro-kernels. The suites only ever run one path per
/// machine, so the two are compared here directly, tile by tile, on random panels with fixed seeds.
/// </summary>
public sealed class ScalarFallbackTests
{
    [Fact]
    public void The_scalar_tile_equals_the_dispatched_tile_bitwise_float() => TilesAgree<float>(new Random(61));

    [Fact]
    public void The_scalar_tile_equals_the_dispatched_tile_bitwise_double() => TilesAgree<double>(new Random(62));

    [Fact]
    public void The_scalar_row_equals_the_dispatched_row_bitwise_float() => RowsAgree<float>(new Random(63));

    [Fact]
    public void The_scalar_row_equals_the_dispatched_row_bitwise_double() => RowsAgree<double>(new Random(64));

    // An MR×NR tile in a wider C (ldc > NR), from zero and accumulating onto C: both paths, same bits, and the
    // columns between the tile's rows untouched.
    private static void TilesAgree<T>(Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = MicroKernels<T>.MR, nr = MicroKernels<T>.NR;
        for (int trial = 0; trial < 200; trial++)
        {
            int kc = random.Next(0, 40);
            int ldc = nr + random.Next(0, 5);
            bool accumulate = trial % 2 == 1;
            T[] a = Generators.SweepValues<T>(random, kc * mr);
            T[] b = Generators.SweepValues<T>(random, kc * nr);
            T[] c = Generators.SweepValues<T>(random, mr * ldc);
            T[] dispatched = (T[])c.Clone(), scalar = (T[])c.Clone();
            MicroKernels<T>.Tile(kc, ref First(a), ref First(b), ref dispatched[0], ldc, accumulate);
            MicroKernels<T>.ScalarTile(kc, ref First(a), ref First(b), ref scalar[0], ldc, accumulate);
            Assert.True(Matrices.FirstDifference<T>(dispatched, scalar) < 0, $"tile kc={kc}, ldc={ldc}, accumulate={accumulate}: index {Matrices.FirstDifference<T>(dispatched, scalar)}");
            for (int r = 0; r < mr; r++)
            {
                for (int l = nr; l < ldc; l++)
                {
                    Assert.Equal(c[(r * ldc) + l], scalar[(r * ldc) + l]);
                    Assert.Equal(c[(r * ldc) + l], dispatched[(r * ldc) + l]);
                }

                // Accumulating continues the chain from C, so C is read: a tile from zero must not depend on it.
                if (!accumulate)
                {
                    T[] otherC = Generators.SweepValues<T>(random, mr * ldc);
                    MicroKernels<T>.ScalarTile(kc, ref First(a), ref First(b), ref otherC[0], ldc, false);
                    Assert.True(Matrices.SameValue(scalar[r * ldc], otherC[r * ldc]));
                }
            }
        }
    }

    // One row of k terms against 1..RowPanels panels, read with a row stride (packed panels: NR; a K row in place: n).
    private static void RowsAgree<T>(Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nr = MicroKernels<T>.NR;
        for (int trial = 0; trial < 200; trial++)
        {
            int k = random.Next(0, 40);
            int panels = random.Next(1, MicroKernels<T>.RowPanels + 1);
            bool packed = trial % 2 == 0;
            int rowStride = packed ? nr : (panels * nr) + random.Next(0, 9);
            int panelStride = packed ? k * nr : nr;
            int length = Math.Max(1, packed ? panels * k * nr : (k * rowStride) + (panels * nr));
            T[] x = Generators.SweepValues<T>(random, Math.Max(1, k));
            T[] b = Generators.SweepValues<T>(random, length);
            var dispatched = new T[panels * nr];

            // One element past the panels, which neither path may write.
            var scalar = new T[(panels * nr) + 1];
            scalar[^1] = KernelHarness.Unwritten<T>();
            MicroKernels<T>.Row(k, ref x[0], ref b[0], panelStride, rowStride, panels, ref dispatched[0]);
            for (int q = 0; q < panels; q++)
            {
                MicroKernels<T>.ScalarRow1(k, ref x[0], ref b[q * panelStride], rowStride, ref scalar[q * nr]);
            }

            Assert.True(Matrices.FirstDifference<T>(dispatched, scalar[..^1]) < 0, $"row k={k}, panels={panels}, packed={packed}: index {Matrices.FirstDifference<T>(dispatched, scalar[..^1])}");
            Assert.True(Matrices.BitEqual(scalar[^1], KernelHarness.Unwritten<T>()), $"row k={k}, panels={panels}: the scalar row wrote past its {nr} lanes");
        }
    }

    private static ref T First<T>(T[] values)
        where T : unmanaged
    {
        if (values.Length == 0)
        {
            Array.Resize(ref values, 1);
        }

        return ref values[0];
    }
}
