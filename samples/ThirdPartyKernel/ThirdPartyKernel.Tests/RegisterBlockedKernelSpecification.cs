using DenseLinear;
using DenseLinear.Specification;

namespace ThirdPartyKernel;

/// <summary>Runs the kernel specification (families 1–12) on <see cref="RegisterBlockedKernel{T}"/> in float.</summary>
public sealed class RegisterBlockedKernelSpecification : KernelSpecification<float>
{
    /// <inheritdoc />
    protected override IMatMulKernel<float> Kernel { get; } = new RegisterBlockedKernel<float>();
}
