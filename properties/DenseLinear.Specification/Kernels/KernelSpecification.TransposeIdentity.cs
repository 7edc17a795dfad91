using DenseLinear.Accuracy;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 2: the design's xWᵀ = x(Wᵀ): the OutIn path agrees with the InOut path on the materialized transpose.
public abstract partial class KernelSpecification<T>
{
    /// <summary>
    /// Multiply(x, W, OutIn) and Multiply(x, Wᵀ materialized, InOut) are each within the bound of the same exact
    /// x·Wᵀ, hence within twice the bound of each other (no bitwise claim: the layouts may sum in other orders).
    /// </summary>
    [SpecProperty]
    public virtual Property OutInAgreesWithInOutOnTheTranspose() =>
        Prop.ForAll(Generators.MatMulCases<T>(), c =>
        {
            MatMulCase<T> outIn = c.WithLayout(WeightLayout.OutIn);
            MatMulCase<T> inOut = c.WithLayout(WeightLayout.InOut);
            ExactReference<T> reference = c.Reference();
            return EdgeClasses.Classified(
                Verdicts.All(
                    Verdicts.WithinBound("Transpose identity: x·Wᵀ (OutIn)", Subject, outIn.Shapes, reference, Run(outIn)),
                    Verdicts.WithinBound("Transpose identity: x·(Wᵀ) (InOut)", Subject, inOut.Shapes, reference, Run(inOut))),
                c);
        });
}
