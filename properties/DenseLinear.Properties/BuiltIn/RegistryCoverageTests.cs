using System.Reflection;
using DenseLinear.Kernels;
using DenseLinear.Specification;
using DenseLinear.Specification.Fidelity;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// Every kernel in the registry must have a kernel suite, a layer suite and a fidelity suite in this assembly, for float and double:
/// registering a kernel without its suites fails here, so no built-in kernel goes unverified.
/// </summary>
public sealed class RegistryCoverageTests
{
    public static TheoryData<string> FloatKernels => [.. BuiltInKernels<float>.All.Select(k => k.Name)];

    public static TheoryData<string> DoubleKernels => [.. BuiltInKernels<double>.All.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(FloatKernels))]
    public void Every_float_kernel_has_its_suites(string name)
    {
        Assert.Contains(name, KernelsUnderTest(typeof(KernelSpecification<float>)));
        Assert.Contains(name, KernelsUnderTest(typeof(LayerSpecification<float>)));
        Assert.Contains(name, KernelsUnderTest(typeof(FidelitySpecification<float>)));
    }

    [Theory]
    [MemberData(nameof(DoubleKernels))]
    public void Every_double_kernel_has_its_suites(string name)
    {
        Assert.Contains(name, KernelsUnderTest(typeof(KernelSpecification<double>)));
        Assert.Contains(name, KernelsUnderTest(typeof(LayerSpecification<double>)));
        Assert.Contains(name, KernelsUnderTest(typeof(FidelitySpecification<double>)));
    }

    // The kernel names of the public suites xunit runs (public, concrete) deriving from the specification.
    private static HashSet<string> KernelsUnderTest(Type specification) =>
    [
        .. typeof(RegistryCoverageTests).Assembly.GetTypes()
            .Where(t => t.IsVisible && !t.IsAbstract && specification.IsAssignableFrom(t))
            .Select(t => specification.GetProperty("Kernel", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(Activator.CreateInstance(t)))
            .Cast<object>()
            .Select(k => (string)k.GetType().GetProperty("Name")!.GetValue(k)!),
    ];
}
