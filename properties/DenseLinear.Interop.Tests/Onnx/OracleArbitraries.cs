using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Interop.Tests.Onnx;

/// <summary>Random affine problems: batch ranks 1–3, up to 32 input and 12 output features, values over 2¹² binades.</summary>
public static class OracleArbitraries
{
    public static Arbitrary<AffineCase<float>> FloatCase() => Arb.From(Case<float>(), c => c.Shrink());

    public static Arbitrary<AffineCase<double>> DoubleCase() => Arb.From(Case<double>(), c => c.Shrink());

    private static Gen<AffineCase<T>> Case<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        from batchRank in Gen.Choose(1, 3)
        from batch in Gen.Choose(1, 4).ArrayOf(batchRank)
        from inFeatures in Gen.Choose(1, 32)
        from outFeatures in Gen.Choose(1, 12)
        let rows = batch.Aggregate(1, (a, b) => a * b)
        from input in Value<T>().ArrayOf(rows * inFeatures)
        from weight in Value<T>().ArrayOf(outFeatures * inFeatures)
        from bias in Value<T>().ArrayOf(outFeatures)
        select new AffineCase<T>(batch, inFeatures, outFeatures, input, weight, bias);

    // Mixed signs and magnitudes make cancellation, the case where a wrong order or layout shows, common.
    private static Gen<T> Value<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => Gen.Frequency(
            (1, Gen.Constant(T.Zero)),
            (9, from mantissa in Gen.Choose(-(1 << 20), 1 << 20)
                from exponent in Gen.Choose(-6, 6)
                select T.CreateTruncating(Math.ScaleB(mantissa, exponent - 20))));
}
