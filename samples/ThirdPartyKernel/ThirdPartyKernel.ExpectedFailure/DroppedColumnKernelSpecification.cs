using DenseLinear;
using DenseLinear.Specification;

namespace ThirdPartyKernel.ExpectedFailure;

/// <summary>
/// Runs the kernel specification on <see cref="DroppedColumnKernel{T}"/>. These tests are <b>expected to fail</b>:
/// .ci/consumer.sh requires that they do, and that the failure names the shape and FsCheck's seed.
/// </summary>
public sealed class DroppedColumnKernelSpecification : KernelSpecification<float>
{
    /// <inheritdoc />
    protected override IMatMulKernel<float> Kernel { get; } = new DroppedColumnKernel<float>();
}
