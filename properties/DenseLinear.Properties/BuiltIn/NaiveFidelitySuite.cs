using DenseLinear.Specification;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The fidelity specification (initializers, activations, gradients, composition) on <see cref="NaiveKernel{T}"/>.</summary>
public static class NaiveFidelitySuite
{
    public sealed class Float : FidelitySpecification<float>
    {
        protected override IMatMulKernel<float> Kernel => NaiveKernel<float>.Instance;
    }

    public sealed class Double : FidelitySpecification<double>
    {
        protected override IMatMulKernel<double> Kernel => NaiveKernel<double>.Instance;
    }
}
