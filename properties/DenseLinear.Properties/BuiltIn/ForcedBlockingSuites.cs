using DenseLinear.Kernels;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// The whole kernel specification on the built-in packed kernels with <see cref="ForcedBlockings"/>: small products
/// cross every block boundary, and each suite's digest family holds the outputs to the digests recorded for the
/// machine's blocking (the kernels keep their names), which shows that blocking never changes a bit.
/// </summary>
public static class ForcedBlockingSuites
{
    public sealed class PackedTinyFloat() : ForcedBlockingSuite<float>(b => new PackedKernel<float>(b), "tiny");

    public sealed class PackedTinyDouble() : ForcedBlockingSuite<double>(b => new PackedKernel<double>(b), "tiny");

    public sealed class ParallelTinyFloat() : ForcedBlockingSuite<float>(b => new ParallelKernel<float>(b), "tiny");

    public sealed class ParallelTinyDouble() : ForcedBlockingSuite<double>(b => new ParallelKernel<double>(b), "tiny");

    public sealed class ParallelRowsFloat() : ForcedBlockingSuite<float>(b => new ParallelKernel<float>(b), "rows");

    public sealed class ParallelRowsDouble() : ForcedBlockingSuite<double>(b => new ParallelKernel<double>(b), "rows");
}
