using System.Numerics;

namespace DenseLinear.Properties.Accuracy;

/// <summary>
/// Exact arithmetic on doubles for checking the reference: every finite double is m·2ᵉ, so sums of products are
/// integers once scaled by 2^<see cref="Scale"/> (the smallest product of two doubles is 2⁻²¹⁴⁸).
/// </summary>
internal static class ExactValue
{
    public const int Scale = 2200;

    /// <summary>a·b·2^Scale, exactly.</summary>
    public static BigInteger Product(double a, double b)
    {
        (BigInteger ma, int ea) = Decompose(a);
        (BigInteger mb, int eb) = Decompose(b);
        return (ma * mb) << (ea + eb + Scale);
    }

    /// <summary>value·2^Scale, exactly.</summary>
    public static BigInteger Scaled(double value) => Product(value, 1.0);

    /// <summary>|<paramref name="scaled"/>|·2^−Scale as a double, rounded (for bounds, which need no exactness).</summary>
    public static double ToDouble(BigInteger scaled) =>
        scaled.IsZero ? 0 : Math.ScaleB((double)(scaled >> Math.Max(0, (int)scaled.GetBitLength() - 60)), Math.Max(0, (int)scaled.GetBitLength() - 60) - Scale);

    // value = mantissa·2^exponent with an integer mantissa; exponent ≥ −1074.
    private static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        long mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        int exponent = (biased == 0 ? 1 : biased) - 1075;
        return (negative ? -mantissa : mantissa, exponent);
    }
}
