using System.Globalization;
using DenseLinear.Accuracy;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace DenseLinear.Specification;

// Family 5: every shape from 0 upward, every tail, every cache-block boundary; and bad shapes rejected cleanly.
public abstract partial class KernelSpecification<T>
{
    /// <summary>
    /// Every (m, k, n) in [0, 14) × [0, 34) × [0, 34) (<see cref="SpecificationSettings.SweepBounds"/>), both
    /// layouts, within the bound: every remainder of a 16-wide vector (Vector512 of float) and of row blocks up to
    /// 7, and the empty cases.
    /// </summary>
    [Fact]
    public virtual void EverySmallShapeAgrees()
    {
        var random = new Random(20261129);
        (int sweepRows, int sweepInner, int sweepColumns) = SpecificationSettings.SweepBounds;
        for (int m = 0; m < sweepRows; m++)
        {
            for (int k = 0; k < sweepInner; k++)
            {
                for (int n = 0; n < sweepColumns; n++)
                {
                    var c = new MatMulCase<T>(m, k, n, Generators.SweepValues<T>(random, m * k), Generators.SweepValues<T>(random, k * n), (m + k + n) % 2 == 0 ? WeightLayout.InOut : WeightLayout.OutIn);
                    AssertAgrees("Shape sweep", c);
                    AssertAgrees("Shape sweep", c.WithLayout(c.Layout == WeightLayout.InOut ? WeightLayout.OutIn : WeightLayout.InOut));
                }
            }
        }
    }

    /// <summary>
    /// A few large shapes just past common cache-block sizes (KC 256/320/384/1024, MC 36/72/144/320, NC panels), where
    /// blocking bugs live, in both layouts.
    /// </summary>
    [Fact]
    public virtual void ShapesAcrossCacheBlocksAgree()
    {
        var random = new Random(72);
        (int M, int K, int N)[] shapes =
        [
            (73, 257, 37), (145, 321, 19), (321, 385, 7), (7, 1025, 33), (2, 300, 1030), (1, 513, 515), (144, 256, 48), (37, 1100, 20),
        ];
        foreach ((int m, int k, int n) in shapes)
        {
            var c = new MatMulCase<T>(m, k, n, Generators.SweepValues<T>(random, m * k), Generators.SweepValues<T>(random, k * n), WeightLayout.InOut);
            AssertAgrees("Cache-block shapes", c);
            AssertAgrees("Cache-block shapes", c.WithLayout(WeightLayout.OutIn));
        }
    }

    /// <summary>
    /// Wrong lengths, negative or overflowing dimensions, an undefined layout and y aliasing x each raise an
    /// <see cref="ArgumentException"/> whose message names the offending number, and leave y untouched.
    /// </summary>
    [SpecProperty]
    public virtual Property RejectsBadArgumentsAndLeavesOutputUntouched() =>
        Prop.ForAll(Generators.BadArgumentCases<T>(), pair =>
        {
            (MatMulCase<T> c, BadArgument kind) = pair;
            int m = c.M, k = c.K, n = c.N;
            WeightLayout layout = c.Layout;
            T[] x = c.X, w = c.Weight;
            var y = new T[(m * n) + 1];
            long named;
            switch (kind)
            {
                case BadArgument.XTooShort: x = x[..^1]; named = x.Length; break;
                case BadArgument.XTooLong: x = [.. x, T.One]; named = x.Length; break;
                case BadArgument.WeightTooShort: w = w[..^1]; named = w.Length; break;
                case BadArgument.OutputTooShort: y = new T[(m * n) - 1]; named = y.Length; break;
                case BadArgument.NegativeRows: m = -m; named = m; break;
                case BadArgument.NegativeInner: k = -k; named = k; break;
                case BadArgument.NegativeColumns: n = -n; named = n; break;
                case BadArgument.OverflowingProduct: m = 1 << 16; k = 1 << 16; named = 1 << 16; break;
                case BadArgument.UndefinedLayout: layout = (WeightLayout)7; named = 7; break;
                default: y = x; named = -1; break;
            }

            string shapes = $"{kind}: m={m}, k={k}, n={n}, layout={layout}, x.Length={x.Length}, w.Length={w.Length}, y.Length={y.Length}";
            string? number = kind == BadArgument.OutputOverlapsInput ? null : named.ToString(CultureInfo.InvariantCulture);
            return Verdicts.RejectsAndWritesNothing("Argument checks", Subject, shapes, number, () => Kernel.Multiply(x, w, y, m, k, n, layout), y, n);
        });

    private void AssertAgrees(string property, MatMulCase<T> c)
    {
        AccuracyViolation? violation = c.Reference().FindViolation(Run(c));
        Assert.True(violation is null, $"{property} | {Subject} | {c.Shapes} | {violation}");
    }
}
