using Xunit;

namespace DenseLinear.Properties.Limits;

/// <summary>
/// The tests that allocate a whole Array.MaxLength float array (8 GiB) run one at a time, after the parallel
/// collections, so at most one such array is alive in the process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ArrayLimitCollection
{
    public const string Name = "Arrays of Array.MaxLength elements";

    /// <summary>The trait value .ci/run filters on to run these once, not under every instruction-set switch.</summary>
    public const string Category = "ArrayMaxLength";
}
