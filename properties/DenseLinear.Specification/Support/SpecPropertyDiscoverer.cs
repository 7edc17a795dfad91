#if !XUNIT_V3
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DenseLinear.Specification.Support;

/// <summary>Makes each <see cref="SpecPropertyAttribute"/> method a <see cref="SpecPropertyTestCase"/> (xunit 2).</summary>
/// <param name="messageSink">xunit's diagnostic sink.</param>
public sealed class SpecPropertyDiscoverer(IMessageSink messageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new SpecPropertyTestCase(messageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}
#endif
