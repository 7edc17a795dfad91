using DenseLinear;
using DenseLinear.Specification;

namespace ThirdPartyKernel;

/// <summary>Runs the kernel specification (families 1–12) on <see cref="RegisterBlockedKernel{T}"/> in double.</summary>
public sealed class RegisterBlockedKernelDoubleSpecification : KernelSpecification<double>
{
    /// <inheritdoc />
    protected override IMatMulKernel<double> Kernel { get; } = new RegisterBlockedKernel<double>();
}
