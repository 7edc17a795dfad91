using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>Generators for the live torch oracle: shapes of rank 1 to 5 with zero-size batch dimensions, bias or not.</summary>
public static class TorchArbitraries
{
    public static Arbitrary<TorchLinearCase<float>> FloatCase() => Arb.From(Case<float>(), c => c.Shrink());

    public static Arbitrary<TorchLinearCase<double>> DoubleCase() => Arb.From(Case<double>(), c => c.Shrink());

    private static Gen<TorchLinearCase<T>> Case<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        from rank in Gen.Choose(0, 4)
        from batch in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 4))).ArrayOf(rank)
        from inFeatures in Gen.Frequency((3, Gen.Choose(1, 8)), (1, Gen.Choose(9, 40)))
        from outFeatures in Gen.Choose(1, 9)
        from withBias in Gen.Elements(true, false)
        let rows = batch.Aggregate(1, (a, b) => a * b)
        from input in Values<T>(rows * inFeatures)
        from weight in Values<T>(outFeatures * inFeatures)
        from bias in Values<T>(outFeatures)
        from gradient in Values<T>(rows * outFeatures)
        select new TorchLinearCase<T>(batch, inFeatures, outFeatures, input, weight, withBias ? bias : null, gradient);

    // Mixed magnitudes and signs, so sums cancel: the bound then scales with |x|ᵀ|y|, not with the result.
    private static Gen<T[]> Values<T>(int count)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (from mantissa in Gen.Choose(-1 << 20, 1 << 20)
         from exponent in Gen.Choose(-8, 8)
         select T.CreateChecked(mantissa * Math.Pow(2, exponent - 20)) * T.CreateChecked(Math.PI)).ArrayOf(count);
}
