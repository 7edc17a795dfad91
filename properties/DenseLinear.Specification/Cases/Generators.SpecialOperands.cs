using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.Cases;

public static partial class Generators
{
    /// <summary>
    /// Products with subnormal operands, signed zeros or operands near the overflow threshold, one
    /// <see cref="OperandRegime"/> per case. Subnormals are paired with normal values below 16, so every nonzero term
    /// is tiny and a kernel that flushes inputs or outputs to zero is off by the whole result. Large operands are
    /// paired with values below 2^−(4 + ⌈log₂(k + 1)⌉), so Σ|x||w| stays below 2^(emax − 3): no product or partial sum
    /// can overflow in any order.
    /// </summary>
    public static Arbitrary<SpecialOperandsCase<T>> SpecialOperandsCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(
            from shape in Shape
            from layout in Layout
            from regime in Gen.Elements(Enum.GetValues<OperandRegime>())
            from x in Gen.ArrayOf(OperandGen<T>(regime, inX: true, shape.K), shape.M * shape.K)
            from kernel in Gen.ArrayOf(OperandGen<T>(regime, inX: false, shape.K), shape.K * shape.N)
            select new SpecialOperandsCase<T>(new MatMulCase<T>(shape.M, shape.K, shape.N, x, kernel, layout), regime),
            s => Shrinkers.MatMulCase(s.Case).Select(smaller => s with { Case = smaller }));

    /// <summary>±(1 + f)·2ᵉ with e spread over the whole subnormal range of T, or a signed zero (3 in 10).</summary>
    public static Gen<T> SubnormalOrZero<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // From T itself: the smallest normal is 2^(1 − emax), the smallest subnormal 2^(1 − emax − (p − 1)).
        int minNormalExponent = 1 - LargestExponent<T>();
        int smallestExponent = T.ILogB(T.Epsilon);
        return Gen.Frequency(
            (3, Gen.Elements(T.Zero, T.NegativeZero)),
            (7, from negative in Gen.Elements(false, true)
                from fraction in UnitInterval
                from exponent in Gen.Choose(smallestExponent, minNormalExponent - 1)
                select Subnormal<T>(negative, fraction, exponent)));
    }

    private static Gen<T> OperandGen<T>(OperandRegime regime, bool inX, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int maxExponent = LargestExponent<T>();
        int headroom = 4 + (int)Math.Ceiling(Math.Log2(k + 1));
        bool special = inX == regime is OperandRegime.SubnormalX or OperandRegime.NearOverflowX;
        return regime switch
        {
            OperandRegime.SubnormalX or OperandRegime.SubnormalWeight =>
                special ? SubnormalOrZero<T>() : ValueWithExponents<T>(-4, 3),
            OperandRegime.SignedZeros =>
                Gen.Frequency((1, Gen.Elements(T.Zero, T.NegativeZero)), (1, Value<T>())),
            _ => special ? ValueWithExponents<T>(maxExponent - 4, maxExponent - 1) : ValueWithExponents<T>(-headroom - 8, -headroom).Select(SmallOnly),
        };
    }

    // The small integers that ValueWithExponents also draws would break the headroom: scale them by 2⁻²⁰ into range.
    private static T SmallOnly<T>(T value)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        T.Abs(value) >= T.One ? T.ScaleB(value, -20) : value;

    private static T Subnormal<T>(bool negative, double fraction, int exponent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Computed in double and rounded once into T's subnormal range; a draw that rounds to zero becomes ±η.
        T value = T.CreateTruncating((negative ? -1 : 1) * Math.ScaleB(1 + fraction, exponent));
        return T.IsZero(value) ? (negative ? -T.Epsilon : T.Epsilon) : value;
    }

    // emax: the binary exponent of the largest finite value (127 for float, 1023 for double).
    private static int LargestExponent<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => T.ILogB(T.BitDecrement(T.PositiveInfinity));
}
