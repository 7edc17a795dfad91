using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 10: subnormal operands, signed zeros and operands near the overflow threshold.
public abstract partial class KernelSpecification<T>
{
    /// <summary>
    /// |ŷ − y| ≤ γₖ·(|x|·|W|) + k·η with subnormal x or W (paired with normal values, so every term is tiny), signed
    /// zeros, or operands within 2⁴ of the overflow threshold (paired with values small enough that nothing overflows in
    /// any order). Float subnormals widen exactly to double, where the reference's products are exact; for double the
    /// reference carries its own underflow term. A kernel that flushes subnormal inputs or outputs to zero loses the
    /// whole result, far outside the bound.
    /// </summary>
    [SpecProperty]
    public virtual Property AgreesWithExactReferenceOnSubnormalsZerosAndLargeOperands() =>
        Prop.ForAll(Generators.SpecialOperandsCases<T>(), s =>
            EdgeClasses.Classified(
                Verdicts.WithinBound($"Special operands ({s.Regime})", Subject, s.Case.Shapes, s.Case.Reference(), Run(s.Case)),
                s.Case)
            .Collect(s.Regime));
}
