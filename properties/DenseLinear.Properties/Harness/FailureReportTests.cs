using System.Text.RegularExpressions;
using DenseLinear.Properties.Mutants;
using Xunit;

namespace DenseLinear.Properties.Harness;

/// <summary>A failure must shrink to a small shape and say everything needed to reproduce it.</summary>
public sealed partial class FailureReportTests
{
    [Fact]
    public void A_failure_shrinks_to_a_small_shape_and_names_index_values_bound_and_seed()
    {
        string message = Rejection.Property(
            new MutantKernelSpecification<float>(new SkippedTailKernel<float>()).AgreesWithExactReference(), "Agreement");

        Assert.Matches(SeedPattern(), message);
        Assert.Contains("y[", message, StringComparison.Ordinal);
        Assert.Contains("expected", message, StringComparison.Ordinal);
        Assert.Contains("actual", message, StringComparison.Ordinal);
        Assert.Contains("bound", message, StringComparison.Ordinal);

        // The smallest failing product of this mutant is one row, three terms (k mod 4 = 3), one column.
        Match shrunk = ShrunkShapePattern().Match(message[message.LastIndexOf("Shrunk", StringComparison.Ordinal)..]);
        Assert.True(shrunk.Success, message);
        Assert.Equal(1, int.Parse(shrunk.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, int.Parse(shrunk.Groups["k"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\(\d+,\d+\)")]
    private static partial Regex SeedPattern();

    [GeneratedRegex(@"x \[(?<m>\d+)×(?<k>\d+)\]")]
    private static partial Regex ShrunkShapePattern();
}
