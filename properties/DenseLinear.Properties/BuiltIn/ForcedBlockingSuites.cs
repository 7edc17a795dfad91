using DenseLinear.Kernels;
using DenseLinear.Properties.Harness;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// The whole kernel specification on the built-in packed kernels with <see cref="ForcedBlockings"/>: small products
/// cross every block boundary, and each suite's digest family holds the outputs to the digests recorded for the
/// machine's blocking (the kernels keep their names), which shows that blocking never changes a bit.
/// </summary>
public static class ForcedBlockingSuites
{
    public sealed class PackedTinyFloat : DigestedKernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel { get; } = new PackedKernel<float>(ForcedBlockings.Of<float>("tiny"));
    }

    public sealed class PackedTinyDouble : DigestedKernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel { get; } = new PackedKernel<double>(ForcedBlockings.Of<double>("tiny"));
    }

    public sealed class ParallelTinyFloat : DigestedKernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel { get; } = new ParallelKernel<float>(ForcedBlockings.Of<float>("tiny"));
    }

    public sealed class ParallelTinyDouble : DigestedKernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel { get; } = new ParallelKernel<double>(ForcedBlockings.Of<double>("tiny"));
    }

    public sealed class ParallelRowsFloat : DigestedKernelSpecification<float>
    {
        protected override IMatMulKernel<float> Kernel { get; } = new ParallelKernel<float>(ForcedBlockings.Of<float>("rows"));
    }

    public sealed class ParallelRowsDouble : DigestedKernelSpecification<double>
    {
        protected override IMatMulKernel<double> Kernel { get; } = new ParallelKernel<double>(ForcedBlockings.Of<double>("rows"));
    }
}
