using System.Numerics;
using DenseLinear.Specification;

namespace DenseLinear.Properties.Harness;

/// <summary>
/// The kernel specification for this repository's kernels that promise the same bits on every instruction set in
/// both layouts, checked against the committed <c>output-digests.txt</c>.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public abstract class DigestedKernelSpecification<T> : KernelSpecification<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The digest file beside the test assembly (copied from this project's folder).</summary>
    public const string DigestFile = "output-digests.txt";

    protected override string? RecordedDigests => DigestFile;

    protected override bool PromisesSameBitsOnEveryInstructionSet(WeightLayout layout) => true;
}
