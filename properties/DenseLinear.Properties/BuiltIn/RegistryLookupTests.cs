using DenseLinear.Kernels;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>The registry's lookups: every kernel by its name, the fastest as the default, unknown names listed.</summary>
public sealed class RegistryLookupTests
{
    [Fact]
    public void Every_kernel_is_found_by_its_name_and_the_default_is_the_last()
    {
        foreach (IMatMulKernel<float> kernel in BuiltInKernels<float>.All)
        {
            Assert.Same(kernel, BuiltInKernels<float>.Get(kernel.Name));
            Assert.Equal(kernel.Name, kernel.ToString());
        }

        foreach (IMatMulKernel<double> kernel in BuiltInKernels<double>.All)
        {
            Assert.Same(kernel, BuiltInKernels<double>.Get(kernel.Name));
        }

        Assert.Same(BuiltInKernels<float>.All[^1], BuiltInKernels<float>.Default);
        Assert.Same(NaiveKernel<float>.Instance, BuiltInKernels<float>.All[0]);
    }

    [Fact]
    public void An_unknown_name_is_rejected_with_the_known_names()
    {
        KeyNotFoundException e = Assert.Throws<KeyNotFoundException>(() => BuiltInKernels<float>.Get("Blas"));
        Assert.Contains("'Blas'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Naive, TensorPrimitives, Packed, Parallel", e.Message, StringComparison.Ordinal);
    }
}
