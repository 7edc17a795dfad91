#if !XUNIT_V3
using FsCheck.Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DenseLinear.Specification.Support;

/// <summary>
/// FsCheck's property test case (xunit 2), whose failures are rewritten by <see cref="FailureReport"/> on their way to
/// the runner: no <c>&lt;null&gt;</c> lines, no bare "Expected true, got false." beneath the label, and a replay command.
/// </summary>
public sealed class SpecPropertyTestCase : PropertyTestCase
{
    /// <summary>For xunit's deserialization only.</summary>
    [Obsolete("Called by xunit's deserialization only.")]
    public SpecPropertyTestCase()
    {
    }

    /// <summary>A test case for <paramref name="testMethod"/>.</summary>
    public SpecPropertyTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, null)
    {
    }

    /// <summary>
    /// Runs the property, or, when the override that declares it carries a Skip, reports it skipped with that reason
    /// through xunit's own test case runner, so every runner and logger (TRX included) records the skip.
    /// </summary>
    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        !string.IsNullOrEmpty(SkipReason)
            ? new XunitTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, TestMethodArguments, messageBus, aggregator, cancellationTokenSource).RunAsync()
            : base.RunAsync(diagnosticMessageSink, new FailureReportBus(messageBus, FailureReport.TestName(TestMethod.TestClass.Class.Name, TestMethod.Method.Name)), constructorArguments, aggregator, cancellationTokenSource);
}
#endif
