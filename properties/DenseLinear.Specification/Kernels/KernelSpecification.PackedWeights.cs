using System.Globalization;
using DenseLinear.Accuracy;
using DenseLinear.Kernels;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace DenseLinear.Specification;

// Family 6: a kernel that packs weights (IWeightPackingKernel<T>) gives, from the packed weights, bitwise the product
// of the unpacked ones, and checks the packed call's arguments like the plain one. Other kernels pass trivially.
public abstract partial class KernelSpecification<T>
{
    /// <summary>
    /// <c>Multiply(x, Pack(W), y, m)</c> = <c>Multiply(x, W, y, m, k, n, layout)</c> bitwise, random shapes, both
    /// layouts; the packed copy does not follow later changes to W; y starts as NaN and nothing past m·n is written.
    /// </summary>
    [SpecProperty]
    public virtual Property PackedWeightsGiveTheUnpackedProduct() =>
        Prop.ForAll(Generators.MatMulCases<T>(), c =>
        {
            if (Kernel is not IWeightPackingKernel<T> packing)
            {
                return Prop.ToProperty(true);
            }

            T[] weight = c.Weight;
            PackedWeights<T> packed = packing.Pack(weight, c.K, c.N, c.Layout);
            weight.AsSpan().Fill(T.NaN);
            return Verdicts.All(
                Prop.Label(packed.K == c.K && packed.N == c.N && packed.SourceLayout == c.Layout, $"Packed weights | {Subject} | {c.Shapes} | K, N or SourceLayout not as packed"),
                Verdicts.Identical("Packed weights", Subject, c.Shapes, Run(c), RunPacked(packing, packed, c.X, c.M, c.N), c.N));
        });

    /// <summary>
    /// Products large enough for a multi-threaded kernel to split them (m·n·k past 2²¹, tall batches split by rows
    /// into a few chunks or many, short wide ones by column panels, a short batch with a single panel by rows),
    /// plain and from packed weights, both layouts: within the bound, and the packed product bitwise the plain one.
    /// </summary>
    [Fact]
    public virtual void ProductsLargeEnoughToSplitAgree()
    {
        var random = new Random(2097152);
        (int M, int K, int N)[] shapes = [(150, 300, 50), (30, 300, 300), (400, 40, 140), (5, 700, 640), (1, 2100, 1000), (60, 2000, 20)];
        foreach ((int m, int k, int n) in shapes)
        {
            foreach (WeightLayout layout in new[] { WeightLayout.InOut, WeightLayout.OutIn })
            {
                var c = new MatMulCase<T>(m, k, n, Generators.SweepValues<T>(random, m * k), Generators.SweepValues<T>(random, k * n), layout);
                T[] plain = Run(c);
                AccuracyViolation? violation = c.Reference().FindViolation(plain);
                Assert.True(violation is null, $"Split shapes | {Subject} | {c.Shapes} | {violation}");
                if (Kernel is IWeightPackingKernel<T> packing)
                {
                    T[] fromPacked = RunPacked(packing, packing.Pack(c.Weight, k, n, layout), c.X, m, n);
                    int index = Matrices.FirstDifference<T>(plain, fromPacked);
                    Assert.True(index < 0, $"Split shapes (packed) | {Subject} | {c.Shapes} | first difference at {index}");
                }
            }
        }
    }

    /// <summary>
    /// The packed call's bad arguments (short or long x, short y, negative m, y overlapping x, no weights) and
    /// Pack's (negative k or n, wrong length, undefined layout) raise an <see cref="ArgumentException"/> naming the
    /// number, and leave y untouched.
    /// </summary>
    [SpecProperty]
    public virtual Property PackedCallsRejectBadArguments() =>
        Prop.ForAll(Generators.MatMulCases<T>(), c =>
        {
            if (Kernel is not IWeightPackingKernel<T> packing)
            {
                return Prop.ToProperty(true);
            }

            int m = c.M, k = c.K, n = c.N;
            PackedWeights<T> packed = packing.Pack(c.Weight, k, n, c.Layout);
            var y = new T[(m * n) + 1];
            T[] x = c.X;
            var checks = new List<Property>
            {
                Rejects("x one short", m * k == 0 ? -1 : (m * k) - 1, () => packing.Multiply(x.AsSpan(0, Math.Max(0, x.Length - 1)), packed, y, m), y, m * k > 0),
                Rejects("x one long", (m * k) + 1, () => packing.Multiply([.. x, T.One], packed, y, m), y, true),
                Rejects("y one short", (m * n) - 1, () => packing.Multiply(x, packed, y.AsSpan(0, (m * n) - 1), m), y, m * n > 0),
                Rejects("negative m", -1, () => packing.Multiply(x, packed, y, -1), y, true),
                Rejects("no weights", -1, () => packing.Multiply(x, null!, y, m), y, true),
                Rejects("negative k", -1, () => packing.Pack(c.Weight, -1, n, c.Layout), y, true),
                Rejects("negative n", -1, () => packing.Pack(c.Weight, k, -1, c.Layout), y, true),
                Rejects("weights one long", (k * n) + 1, () => packing.Pack([.. c.Weight, T.One], k, n, c.Layout), y, true),
                Rejects("undefined layout", 7, () => packing.Pack(c.Weight, k, n, (WeightLayout)7), y, true),
                Rejects("k·n past a span", 1 << 16, () => packing.Pack(c.Weight, 1 << 16, 1 << 16, c.Layout), y, true),
            };
            if (k > 1)
            {
                // x [m×k] cannot exist: the check must come before any length compared in int arithmetic.
                int rows = (int.MaxValue / k) + 1;
                checks.Add(Rejects("m·k past a span", rows, () => packing.Multiply(x, packed, y, rows), y, true));
            }

            if (m * n > 0 && m * k > 0)
            {
                T[] shared = new T[Math.Max(m * k, m * n) + 1];
                checks.Add(Rejects("y overlaps x", -1, () => packing.Multiply(shared.AsSpan(0, m * k), packed, shared, m), y, true));
            }

            return Verdicts.All([.. checks]);

            Property Rejects(string what, long named, Action call, T[] output, bool applies)
            {
                if (!applies)
                {
                    return Prop.ToProperty(true);
                }

                string? number = named >= 0 ? named.ToString(CultureInfo.InvariantCulture) : null;
                return Verdicts.RejectsAndWritesNothing("Packed argument checks", Subject, $"{what}: {c.Shapes} (packed)", number, call, output, n);
            }
        });

    // The packed product into a NaN-filled y with one spare element that must stay NaN.
    private static T[] RunPacked(IWeightPackingKernel<T> packing, PackedWeights<T> packed, T[] x, int m, int n)
    {
        var y = new T[(m * n) + 1];
        y.AsSpan().Fill(KernelHarness.Unwritten<T>());
        packing.Multiply(x, packed, y, m);
        if (!Matrices.BitEqual(y[^1], KernelHarness.Unwritten<T>()))
        {
            throw new SpecificationException($"the packed product wrote y[{m * n}], past m·n = {m * n}");
        }

        return y[..^1];
    }
}
