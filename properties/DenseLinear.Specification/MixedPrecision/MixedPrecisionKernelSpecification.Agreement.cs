using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.MixedPrecision;

// Family 22: every element within float's bound of the exact product on the widened weights, subnormal weights kept.
public abstract partial class MixedPrecisionKernelSpecification<TWeight>
{
    /// <summary>|ŷ − y| ≤ γₖ(2⁻²⁴)·(|x|·|widen(W)|) + k·η for every element, random shapes, both layouts.</summary>
    [SpecProperty]
    public virtual Property AgreesWithExactReference() =>
        Prop.ForAll(Cases(), c => Verdicts.WithinBound("Mixed agreement", Subject, c.Shapes, c.Reference(), Run(c)));

    /// <summary>
    /// The same with every weight a subnormal of <typeparamref name="TWeight"/> (exponent field zero): widened, each is a
    /// float, so a kernel that flushes them to zero, as some conversion instructions can, leaves y at zero and fails.
    /// </summary>
    [SpecProperty]
    public virtual Property KeepsSubnormalWeights() =>
        Prop.ForAll(Narrowed(Generators.MatMulCases<float>()), c =>
        {
            TWeight[] subnormal = new TWeight[c.KernelInOut.Length];
            for (int i = 0; i < subnormal.Length; i++)
            {
                ushort bits = SixteenBitValues.Bits(c.KernelInOut[i]);
                subnormal[i] = SixteenBitValues.FromBits<TWeight>(SixteenBitValues.Subnormal<TWeight>(bits & 0x3FF, (bits & 0x8000) != 0));
            }

            float[] widened = new float[subnormal.Length];
            WeightWidening.ToSingle<TWeight>(subnormal, widened);
            var tiny = new MixedPrecisionCase<TWeight>(c.Wide with { KernelInOut = widened }, subnormal);
            return Verdicts.WithinBound("Mixed agreement (subnormal weights)", Subject, tiny.Shapes, tiny.Reference(), Run(tiny));
        });
}
