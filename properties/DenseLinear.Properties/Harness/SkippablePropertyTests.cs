using System.Reflection;
using DenseLinear.Specification;
using DenseLinear.Specification.Fidelity;
using DenseLinear.Specification.MixedPrecision;
using Xunit;

namespace DenseLinear.Properties.Harness;

/// <summary>
/// A kernel that cannot meet a property overrides it with a skip and a reason (<see cref="KernelUnderTest{T}"/>), so
/// every test of the three specifications must be public and virtual, and the three must share the one descriptor of
/// the kernel under test. (That the skip then shows in the results, reason included, is checked by .ci/consumer.sh on
/// the sample's <c>SkippedPropertyExample</c> under xunit 2 and xunit v3.)
/// </summary>
public sealed class SkippablePropertyTests
{
    public static TheoryData<Type> Specifications { get; } = [typeof(KernelSpecification<float>), typeof(LayerSpecification<float>), typeof(FidelitySpecification<float>)];

    public static TheoryData<Type> AllSpecifications { get; } = [.. Specifications, typeof(MixedPrecisionKernelSpecification<BFloat16>)];

    [Theory]
    [MemberData(nameof(AllSpecifications))]
    public void Every_test_of_the_specification_can_be_overridden(Type specification)
    {
        MethodInfo[] tests = [.. specification.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute))];
        Assert.True(tests.Length >= 8, $"{specification.Name} has only {tests.Length} tests");
        string[] sealedTests = [.. tests.Where(m => !m.IsPublic || !m.IsVirtual || m.IsFinal).Select(m => m.Name)];
        Assert.True(sealedTests.Length == 0, $"{specification.Name}: not public virtual, so a kernel cannot skip them: {string.Join(", ", sealedTests)}");
    }

    [Theory]
    [MemberData(nameof(Specifications))]
    public void Every_specification_describes_its_kernel_through_the_one_descriptor(Type specification) =>
        Assert.True(specification.IsSubclassOf(typeof(KernelUnderTest<float>)), $"{specification.Name} does not derive from KernelUnderTest<T>");
}
