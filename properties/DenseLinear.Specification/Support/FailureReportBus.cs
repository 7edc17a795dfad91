#if !XUNIT_V3
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DenseLinear.Specification.Support;

/// <summary>
/// Passes every message on to the runner's bus, a failed test's exceptions rewritten: the report cleaned by
/// <see cref="FailureReport.Clean"/>, and a bare "Expected true, got false." beneath it dropped, since the report's
/// label already says what failed. Another exception beneath it (the harness's, say) is kept.
/// </summary>
/// <param name="inner">The runner's bus, which this one does not own.</param>
/// <param name="test">The test's <c>Class.Method</c>, for the replay command.</param>
internal sealed class FailureReportBus(IMessageBus inner, string test) : IMessageBus
{
    public bool QueueMessage(IMessageSinkMessage message) =>
        inner.QueueMessage(message is ITestFailed failed ? Rewrite(failed) : message);

    public void Dispose()
    {
        // The runner owns the inner bus.
    }

    private TestFailed Rewrite(ITestFailed failed)
    {
        var types = new List<string>();
        var messages = new List<string>();
        var stackTraces = new List<string>();
        var parents = new List<int>();
        var newIndex = new int[failed.Messages.Length];
        for (int i = 0; i < failed.Messages.Length; i++)
        {
            int parent = failed.ExceptionParentIndices[i];
            if (parent >= 0 && failed.Messages[i].StartsWith(FailureReport.BareFalse, StringComparison.Ordinal))
            {
                newIndex[i] = -1;
                continue;
            }

            newIndex[i] = types.Count;
            types.Add(failed.ExceptionTypes[i]);
            messages.Add(parent < 0 ? FailureReport.Clean(failed.Messages[i], test) : failed.Messages[i]);
            stackTraces.Add(failed.StackTraces[i]);
            parents.Add(parent < 0 ? -1 : newIndex[parent]);
        }

        return new TestFailed(failed.Test, failed.ExecutionTime, failed.Output, [.. types], [.. messages], [.. stackTraces], [.. parents]);
    }
}
#endif
