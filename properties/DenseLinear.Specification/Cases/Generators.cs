using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.Cases;

/// <summary>
/// Every generator of the specification, with the shrinkers that make a failure end on a small shape.
/// </summary>
/// <remarks>
/// Values are finite with binary exponents in [−<see cref="MaxExponent"/>, <see cref="MaxExponent"/>]: for the
/// shapes generated, no product or partial sum in any order can overflow or underflow, so nothing
/// order-dependent decides a property (the underflow range is exercised on purpose by
/// <see cref="UnderflowCases{T}"/>, where the bound's k·η term covers it). FsCheck's own float generators
/// are not used: they emit NaN, ±∞ and MaxValue about one time in eight.
/// </remarks>
public static partial class Generators
{
    /// <summary>The largest binary exponent of a generated value.</summary>
    public const int MaxExponent = 8;

    /// <summary>A finite value: zero, a small integer, or ±(1 + f)·2ᵉ with e in [−8, 8].</summary>
    public static Gen<T> Value<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => ValueWithExponents<T>(-MaxExponent, MaxExponent - 1);

    /// <summary>Zero (1 in 10), a small integer in [−8, 8] (2 in 10), or ±(1 + f)·2ᵉ with e in [min, max] (7 in 10).</summary>
    public static Gen<T> ValueWithExponents<T>(int minExponent, int maxExponent)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Gen.Frequency(
            (1, Gen.Constant(T.Zero)),
            (2, Gen.Choose(-8, 8).Select(i => T.CreateChecked(i))),
            (7, from negative in Gen.Elements(false, true)
                from fraction in UnitInterval
                from exponent in Gen.Choose(minExponent, maxExponent)
                select T.CreateTruncating((negative ? -1 : 1) * Math.ScaleB(1 + fraction, exponent))));

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public static Gen<double> UnitInterval { get; } =
        from high in Gen.Choose(0, (1 << 26) - 1)
        from low in Gen.Choose(0, (1 << 27) - 1)
        select Math.ScaleB(((long)high << 27) | (long)low, -53);

    /// <summary><paramref name="count"/> values.</summary>
    public static Gen<T[]> Values<T>(int count)
        where T : unmanaged, IFloatingPointIeee754<T> => Gen.ArrayOf(Value<T>(), count);

    /// <summary>Either layout.</summary>
    public static Gen<WeightLayout> Layout { get; } = Gen.Elements(WeightLayout.InOut, WeightLayout.OutIn);

    /// <summary>A power of two 2ᵖ with p in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Gen<int> Exponent(int min, int max) => Gen.Choose(min, max);

    /// <summary>
    /// Non-square shapes growing with FsCheck's size: m ≤ size/2 + 1, k and n ≤ size, zeros included; and, whatever the
    /// size, one m in 7 past a 12-row register tile (13–20), one k in 9 zero, and one n in 7 past two 512-bit vectors of
    /// floats (33–80), so every <see cref="EdgeClasses"/> class turns up in every run.
    /// </summary>
    public static Gen<(int M, int K, int N)> Shape { get; } = Gen.Sized(size =>
        from m in Gen.Frequency((6, Gen.Choose(0, (size / 2) + 1)), (1, Gen.Choose(13, 20)))
        from k in Gen.Frequency((8, Gen.Choose(0, Math.Max(1, size))), (1, Gen.Constant(0)))
        from n in Gen.Frequency((6, Gen.Choose(0, Math.Max(1, size))), (1, Gen.Choose(33, 80)))
        select (m, k, n));

    /// <summary>Random products of random shapes in either layout.</summary>
    public static Arbitrary<MatMulCase<T>> MatMulCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(MatMulCaseGen<T>(), Shrinkers.MatMulCase);

    /// <summary>
    /// Random x with the k×k identity as W (n = k), the case the identity family runs: generated and shrunk as
    /// <see cref="MatMulCases{T}"/> are, then made square, so the case a failure prints is the one that failed.
    /// </summary>
    public static Arbitrary<MatMulCase<T>> IdentityCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(MatMulCaseGen<T>().Select(WithIdentityWeight), c => Shrinkers.MatMulCase(c).Select(WithIdentityWeight));

    /// <summary>Random products scaled so that products and sums land in the subnormal range of T.</summary>
    public static Arbitrary<MatMulCase<T>> UnderflowCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Each operand is scaled by 2^-s with 2s just past |emin|: products are subnormal or flush to ±0.
        int s = ((LargestExponent<T>() - 1) / 2) + MaxExponent + 4;
        T scale = T.ScaleB(T.One, -s);
        return Arb.From(
            MatMulCaseGen<T>().Select(c => c with { X = Scale(c.X, scale), KernelInOut = Scale(c.KernelInOut, scale) }),
            Shrinkers.MatMulCase);
    }

    /// <summary>A product together with a second x of the same shape and a scalar α, for linearity.</summary>
    public static Arbitrary<LinearityCase<T>> LinearityCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(
            from c in MatMulCaseGen<T>()
            from x2 in Values<T>(c.X.Length)
            from alpha in Value<T>().Where(a => !T.IsZero(a))
            select new LinearityCase<T>(c, x2, alpha),
            Shrinkers.LinearityCase);

    /// <summary>A product with one to three NaN or ±∞ placed in x or W.</summary>
    public static Arbitrary<SpecialValuesCase<T>> SpecialValuesCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(
            from c in MatMulCaseGen<T>().Where(c => c.X.Length > 0 || c.KernelInOut.Length > 0)
            from injections in Gen.ListOf(Injection, 3).Select(l => l.Take(1 + (l[0].Position % 3)).ToArray())
            select new SpecialValuesCase<T>(c, injections),
            Shrinkers.SpecialValuesCase);

    private static MatMulCase<T> WithIdentityWeight<T>(MatMulCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var identity = new T[c.K * c.K];
        for (int p = 0; p < c.K; p++)
        {
            identity[(p * c.K) + p] = T.One;
        }

        return c with { N = c.K, KernelInOut = identity };
    }

    /// <summary>A product together with a power-of-two exponent p in [−8, 8].</summary>
    public static Arbitrary<(MatMulCase<T> Case, int Exponent)> ScaledCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(
            from c in MatMulCaseGen<T>()
            from p in Exponent(-8, 8)
            select (c, p),
            pair => Shrinkers.MatMulCase(pair.c).Select(smaller => (smaller, pair.p)));

    /// <summary>A random single layer in either convention, with N-D input.</summary>
    public static Arbitrary<LayerCase<T>> LayerCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(LayerCaseGen<T>(), Shrinkers.LayerCase);

    /// <summary>A kind of bad argument, for the argument-error property.</summary>
    public static Arbitrary<(MatMulCase<T> Case, BadArgument Kind)> BadArgumentCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(
            from c in MatMulCaseGen<T>().Where(c => c.M > 0 && c.K > 0 && c.N > 0)
            from kind in Gen.Elements(Enum.GetValues<BadArgument>())
            select (c, kind),
            pair => Shrinkers.MatMulCase(pair.c).Where(c => c.M > 0 && c.K > 0 && c.N > 0).Select(c => (c, pair.kind)));

    /// <summary>
    /// Deterministic values for the shape sweeps, drawn like <see cref="Value{T}"/> from a seeded
    /// <see cref="System.Random"/> so a sweep is the same on every run.
    /// </summary>
    public static T[] SweepValues<T>(System.Random random, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        var values = new T[count];
        for (int i = 0; i < count; i++)
        {
            int draw = random.Next(10);
            values[i] = draw == 0 ? T.Zero
                : draw < 3 ? T.CreateChecked(random.Next(-8, 9))
                : T.CreateTruncating((random.Next(2) == 0 ? -1 : 1) * Math.ScaleB(1 + random.NextDouble(), random.Next(-MaxExponent, MaxExponent)));
        }

        return values;
    }

    private static Gen<Injection> Injection { get; } =
        from inX in Gen.Elements(false, true)
        from position in Gen.Choose(0, 1 << 20)
        from kind in Gen.Elements(SpecialValue.NaN, SpecialValue.PositiveInfinity, SpecialValue.NegativeInfinity)
        select new Injection(inX, position, kind);

    private static Gen<MatMulCase<T>> MatMulCaseGen<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        from shape in Shape
        from layout in Layout
        from x in Values<T>(shape.M * shape.K)
        from kernel in Values<T>(shape.K * shape.N)
        select new MatMulCase<T>(shape.M, shape.K, shape.N, x, kernel, layout);

    private static Gen<LayerCase<T>> LayerCaseGen<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Gen.Sized(size =>
            from inFeatures in Gen.Choose(0, Math.Max(1, size))
            from outFeatures in Gen.Choose(0, Math.Max(1, size))
            from rank in Gen.Choose(2, 4)
            from leading in Gen.ArrayOf(Gen.Choose(0, 4), rank - 1)
            from weight in Values<T>(inFeatures * outFeatures)
            from hasBias in Gen.Elements(true, false)
            from bias in Values<T>(hasBias ? outFeatures : 0)
            from input in Values<T>(leading.Aggregate(1, (a, b) => a * b) * inFeatures)
            select new LayerCase<T>(inFeatures, outFeatures, weight, hasBias ? bias : null, leading, input));

    private static T[] Scale<T>(T[] values, T factor)
        where T : unmanaged, IFloatingPointIeee754<T> => values.Select(v => v * factor).ToArray();
}
