using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.Harness;

/// <summary>
/// <see cref="FailureReport"/> on FsCheck's report as xunit 2 receives it: the <c>&lt;null&gt;</c> lines go, the case
/// lines stay, and the replay command carries the run's exact seed; text that is not such a report is left alone.
/// </summary>
public sealed class FailureReportCleaningTests
{
    private const string Report = """

        Falsifiable, after 12 tests (1 shrink) (15274736299120933764,6519702057938142657).
        Last step was invoked with size of 5 and seed of (11018644477675277347,11683004505011646733).
        Replay directly at failing step with (11018644477675277347,11683004505011646733,5).
        Original:
        <null>
        x [2×0] · W [3×0]ᵀ (OutIn) x=[] K=[]
        Shrunk:
        <null>
        x [1×0] · W [3×0]ᵀ (OutIn) x=[] K=[]
        Label of failing property: Agreement | kernel K (Single) | x [1×0] · W [3×0]ᵀ (OutIn) | y[0,2]: expected 0, actual NaN
        """;

    [Fact]
    public void The_null_lines_go_and_the_replay_command_names_the_runs_seed_and_the_test()
    {
        string cleaned = FailureReport.Clean(Report.Replace("\n", "\r\n", StringComparison.Ordinal), "MySpecification.AgreesWithExactReference");
        Assert.DoesNotContain("<null>", cleaned, StringComparison.Ordinal);
        Assert.Contains("Original:\r\nx [2×0] · W [3×0]ᵀ (OutIn) x=[] K=[]", cleaned, StringComparison.Ordinal);
        Assert.Contains("Shrunk:\r\nx [1×0] · W [3×0]ᵀ (OutIn) x=[] K=[]\r\nLabel of failing property: Agreement", cleaned, StringComparison.Ordinal);
        Assert.EndsWith(
            "\nReplay: DENSELINEAR_REPLAY=\"15274736299120933764,6519702057938142657\" dotnet test -c Release --filter \"FullyQualifiedName~MySpecification.AgreesWithExactReference\"",
            cleaned,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_a_run_seed_is_returned_unchanged()
    {
        const string other = "Exception during test\n<null>";
        Assert.Same(other, FailureReport.Clean(other, "A.B"));
    }

    [Theory]
    [InlineData("My.Tests.MySpecification", "AgreesWithExactReference", "MySpecification.AgreesWithExactReference")]
    [InlineData("DenseLinear.Properties.BuiltIn.BuiltInKernelSuites+PackedFloat", "Shapes", "PackedFloat.Shapes")]
    [InlineData("Global", "M", "Global.M")]
    public void The_test_name_is_the_innermost_class_and_the_method(string className, string method, string expected) =>
        Assert.Equal(expected, FailureReport.TestName(className, method));
}
