using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Specification;

// Family 11: the same bits on every instruction set. A kernel whose every output is one fixed chain of roundings
// (the built-in packed kernels: one FMA per term in p order) gives identical bits with AVX-512, AVX2 or no SIMD at
// all; one process runs only one of those, so the outputs are compared with digests recorded once and committed.
public abstract partial class KernelSpecification<T>
{
    /// <summary>
    /// For every layout the kernel promises, the outputs of <see cref="OutputDigests.Products"/> through each route
    /// (the plain call, the packed weights, a layer) have the recorded SHA-256. With
    /// <see cref="OutputDigests.RecordVariable"/> set to a path, the digests are written there instead.
    /// </summary>
    [Fact]
    public virtual void OutputsMatchTheRecordedDigests()
    {
        WeightLayout[] promised = [.. new[] { WeightLayout.InOut, WeightLayout.OutIn }.Where(PromisesSameBitsOnEveryInstructionSet)];
        string? file = RecordedDigests;
        if (promised.Length == 0)
        {
            Assert.True(file is null, $"Instruction sets | {Subject} | names the digest file {file} but promises the same bits for no layout");
            return;
        }

        Assert.True(file is not null, $"Instruction sets | {Subject} | promises the same bits on every instruction set for {string.Join(" and ", promised)} but names no RecordedDigests file");
        var computed = new List<KeyValuePair<string, string>>();
        foreach (WeightLayout layout in promised)
        {
            foreach (DigestRoute route in Enum.GetValues<DigestRoute>())
            {
                if (OutputDigests.Compute(Kernel, layout, route) is { } digest)
                {
                    computed.Add(new(OutputDigests.Key(Kernel, layout, route), digest));
                }
            }
        }

        if (Environment.GetEnvironmentVariable(OutputDigests.RecordVariable) is { Length: > 0 } recordTo)
        {
            OutputDigests.Record(recordTo, computed);
            return;
        }

        IReadOnlyDictionary<string, string> recorded = OutputDigests.Read(Path.Combine(AppContext.BaseDirectory, file));
        var failures = new List<string>();
        foreach ((string key, string digest) in computed)
        {
            if (!recorded.TryGetValue(key, out string? expected))
            {
                failures.Add($"{key}: nothing recorded, computed {digest}");
            }
            else if (expected != digest)
            {
                failures.Add($"{key}: recorded {expected}, computed {digest}");
            }
        }
        Assert.True(failures.Count == 0, $"Instruction sets | {Subject} | {OutputDigests.InstructionSets} | outputs differ from {file}:\n{string.Join("\n", failures)}");
    }
}
