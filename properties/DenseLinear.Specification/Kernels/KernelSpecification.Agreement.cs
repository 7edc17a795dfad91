using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 1: every element within Higham's bound of the exact reference, in both layouts.
public abstract partial class KernelSpecification<T>
{
    /// <summary>|ŷ − y| ≤ γₖ·(|x|·|W|) + k·η for every element, random shapes, both layouts.</summary>
    [SpecProperty]
    public virtual Property AgreesWithExactReference() =>
        Prop.ForAll(Generators.MatMulCases<T>(), c =>
            EdgeClasses.Classified(Verdicts.WithinBound("Agreement", Subject, c.Shapes, c.Reference(), Run(c)), c));

    /// <summary>The same where products and partial sums are subnormal: the k·η term must cover the underflow.</summary>
    [SpecProperty]
    public virtual Property AgreesWithExactReferenceInTheUnderflowRange() =>
        Prop.ForAll(Generators.UnderflowCases<T>(), c =>
            EdgeClasses.Classified(Verdicts.WithinBound("Agreement (underflow)", Subject, c.Shapes, c.Reference(), Run(c)), c));
}
