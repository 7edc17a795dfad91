using System.Numerics;
using DenseLinear.Kernels;
using DenseLinear.Properties.Harness;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// The packed and parallel kernels give the recorded digests under every <see cref="ForcedBlockings"/> blocking, on
/// every route, in both layouts and both types: the bits depend on the inputs alone, not on KC, MC, NC or the split.
/// </summary>
public sealed class BlockingDigestTests
{
    public static TheoryData<string> Blockings => [.. ForcedBlockings.Names];

    [Theory]
    [MemberData(nameof(Blockings))]
    public void Float_outputs_match_the_recorded_digests_under(string blocking) => Check<float>(blocking);

    [Theory]
    [MemberData(nameof(Blockings))]
    public void Double_outputs_match_the_recorded_digests_under(string blocking) => Check<double>(blocking);

    private static void Check<T>(string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        GemmBlocking<T> blocking = ForcedBlockings.Of<T>(name);
        IReadOnlyDictionary<string, string> recorded = OutputDigests.Read(Path.Combine(AppContext.BaseDirectory, DigestedKernelSpecification<T>.DigestFile));
        foreach (IMatMulKernel<T> kernel in (IMatMulKernel<T>[])[new PackedKernel<T>(blocking), new ParallelKernel<T>(blocking)])
        {
            foreach (WeightLayout layout in Enum.GetValues<WeightLayout>())
            {
                foreach (DigestRoute route in Enum.GetValues<DigestRoute>())
                {
                    string key = OutputDigests.Key(kernel, layout, route);
                    Assert.True(recorded.ContainsKey(key), $"no recorded digest for {key}");
                    Assert.True(OutputDigests.Compute(kernel, layout, route) == recorded[key], $"{key} differs from the recorded digest under {blocking}");
                }
            }
        }
    }
}
