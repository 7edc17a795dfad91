using System.Numerics;
using DenseLinear.Kernels;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// The packed kernels promise the same bits whichever path runs: the scalar fallbacks (taken on machines without
/// 256-bit FMA) must make the very chains of the AVX2 and AVX-512 micro-kernels. The suites only ever run one path
/// per process, so the paths are compared here directly, tile by tile, on random panels with fixed seeds.
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

    // An MR×NR tile in a wider C (ldc > NR), from zero and accumulating onto C: the dispatched path, both vector
    // paths and the scalar loop give the same bits, and the columns between the tile's rows stay untouched.
    private static void TilesAgree<T>(Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = MicroKernels<T>.MR, nr = MicroKernels<T>.NR;
        for (int trial = 0; trial < 200; trial++)
        {
            int kc = random.Next(0, 40);
            int ldc = nr + random.Next(0, 5);
            bool accumulate = trial % 2 == 1;
            int height = Math.Max(mr, Vector512MicroKernels<T>.MR);
            T[] a = Generators.SweepValues<T>(random, kc * height);
            T[] b = Generators.SweepValues<T>(random, kc * nr);
            T[] c = Generators.SweepValues<T>(random, height * ldc);
            T[] dispatched = (T[])c.Clone(), scalar = (T[])c.Clone();
            MicroKernels<T>.Tile(kc, ref First(a), ref First(b), ref dispatched[0], ldc, accumulate);
            MicroKernels<T>.ScalarTile(kc, mr, ref First(a), mr, ref First(b), ref scalar[0], ldc, accumulate);
            string shape = $"tile kc={kc}, ldc={ldc}, accumulate={accumulate}";
            AssertSame<T>(scalar, dispatched, $"{shape}, path {MicroKernels<T>.Path}");
            foreach ((string path, T[] actual, T[] expected) in OtherPaths(kc, a, b, c, ldc, accumulate))
            {
                AssertSame<T>(expected, actual, $"{shape}, path {path}");
            }

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
                    T[] otherC = Generators.SweepValues<T>(random, height * ldc);
                    MicroKernels<T>.ScalarTile(kc, mr, ref First(a), mr, ref First(b), ref otherC[0], ldc, false);
                    Assert.True(Matrices.SameValue(scalar[r * ldc], otherC[r * ldc]));
                }
            }
        }
    }

    // Every path, whichever the dispatcher picks here, each against the scalar loop on the same panel: the scalar
    // dispatch (6 rows), the AVX2 tile as two half panels of 6 rows, the AVX-512 12-row tile and its 4-row edge tile (rows 4–7 of a 12-row
    // panel). Vector256<T> and Vector512<T> run in software where the hardware lacks them, with the same fused
    // multiply-adds, so a machine without AVX-512 still checks the AVX-512 loops' every bit (only not their speed).
    private static IEnumerable<(string Path, T[] Actual, T[] Expected)> OtherPaths<T>(int kc, T[] a, T[] b, T[] c, int ldc, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int narrow = Vector256MicroKernels<T>.MR, wide = Vector512MicroKernels<T>.MR, edge = Vector512MicroKernels<T>.EdgeRows;
        T[] actual = (T[])c.Clone(), expected = (T[])c.Clone();
        MicroKernels<T>.TileOn(MicroKernelPath.Vector256, kc, ref First(a), ref First(b), ref actual[0], ldc, accumulate);
        MicroKernels<T>.ScalarTile(kc, narrow, ref First(a), narrow, ref First(b), ref expected[0], ldc, accumulate);
        yield return ("Vector256", actual, expected);

        actual = (T[])c.Clone();
        expected = (T[])c.Clone();
        MicroKernels<T>.TileOn(MicroKernelPath.Scalar, kc, ref First(a), ref First(b), ref actual[0], ldc, accumulate);
        MicroKernels<T>.ScalarTile(kc, narrow, ref First(a), narrow, ref First(b), ref expected[0], ldc, accumulate);
        yield return ("Scalar", actual, expected);

        actual = (T[])c.Clone();
        expected = (T[])c.Clone();
        MicroKernels<T>.TileOn(MicroKernelPath.Vector512, kc, ref First(a), ref First(b), ref actual[0], ldc, accumulate);
        MicroKernels<T>.ScalarTile(kc, wide, ref First(a), wide, ref First(b), ref expected[0], ldc, accumulate);
        yield return ("Vector512", actual, expected);

        actual = (T[])c.Clone();
        expected = (T[])c.Clone();
        Vector512MicroKernels<T>.EdgeTile(kc, ref First(a, edge), wide, ref First(b), ref actual[0], ldc, accumulate);
        MicroKernels<T>.ScalarTile(kc, edge, ref First(a, edge), wide, ref First(b), ref expected[0], ldc, accumulate);
        yield return ("Vector512 edge", actual, expected);
    }

    private static void AssertSame<T>(T[] expected, T[] actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Assert.True(Matrices.FirstDifference<T>(expected, actual) < 0, $"{what}: first difference at index {Matrices.FirstDifference<T>(expected, actual)}");

    // One row of k terms against 1..SingleRowPanels panels, read with a row stride (packed panels: NR; a K row in place: n).
    private static void RowsAgree<T>(Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nr = MicroKernels<T>.NR;
        for (int trial = 0; trial < 200; trial++)
        {
            int k = random.Next(0, 40);
            int panels = random.Next(1, MicroKernels<T>.SingleRowPanels + 1);
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
            MicroKernels<T>.SingleRow(k, ref x[0], ref b[0], panelStride, rowStride, panels, ref dispatched[0]);
            for (int q = 0; q < panels; q++)
            {
                MicroKernels<T>.ScalarSingleRow1(k, ref x[0], ref b[q * panelStride], rowStride, ref scalar[q * nr]);
            }

            Assert.True(Matrices.FirstDifference<T>(dispatched, scalar[..^1]) < 0, $"row k={k}, panels={panels}, packed={packed}: index {Matrices.FirstDifference<T>(dispatched, scalar[..^1])}");
            // Every path's rows, the vector ones in software where the hardware lacks them (see OtherPaths); a whole
            // panel past the asked ones, which no path may write.
            foreach (MicroKernelPath path in Enum.GetValues<MicroKernelPath>())
            {
                // With and without fetching the weights ahead, which may change no value.
                foreach (bool prefetch in (ReadOnlySpan<bool>)[false, true])
                {
                    var onPath = new T[(panels + 1) * nr];
                    onPath.AsSpan(panels * nr).Fill(KernelHarness.Unwritten<T>());
                    MicroKernels<T>.SingleRowOn(path, k, ref x[0], ref b[0], panelStride, rowStride, panels, ref onPath[0], prefetch);
                    AssertSame<T>(scalar[..^1], onPath[..(panels * nr)], $"row k={k}, panels={panels}, packed={packed}, path {path}, prefetch {prefetch}");
                    Assert.True(Array.TrueForAll(onPath[(panels * nr)..], v => Matrices.BitEqual(v, KernelHarness.Unwritten<T>())), $"row k={k}, panels={panels}, path {path}: wrote past its {panels} panels");
                }
            }

            Assert.True(Matrices.BitEqual(scalar[^1], KernelHarness.Unwritten<T>()), $"row k={k}, panels={panels}: the scalar row wrote past its {nr} lanes");
        }
    }

    private static ref T First<T>(T[] values, int offset = 0)
        where T : unmanaged
    {
        if (values.Length <= offset)
        {
            Array.Resize(ref values, offset + 1);
        }

        return ref values[offset];
    }
}
