using DenseLinear.Benchmarks.Readme;
using Xunit;

namespace DenseLinear.Benchmarks.Tests;

/// <summary>
/// The README's figures are generated (Sep's ReadMeTest): the performance table and the mutation score between the
/// README's markers must be exactly what <c>perf/bench.sh readme</c> writes from docs/results/ and mutation/score.py.
/// </summary>
public sealed class ReadmeTests
{
    [Fact]
    public void TheReadmesGeneratedRegionsAreWhatTheCommandWrites()
    {
        string root = RepositoryRoot();
        string readme = File.ReadAllText(Path.Combine(root, "README.md"));
        string generated = ReadmeCommand.Regenerate(readme, root);
        Assert.True(
            generated == readme,
            $"README.md differs from what `{ReadmeCommand.Invocation}` writes; run it and commit README.md:\n{ReadmeCommand.Diff(readme, generated)}");
    }

    [Theory]
    [InlineData("<!-- generated: performance docs/results/")]
    [InlineData("<!-- generated: mutation ")]
    public void TheReadmeHasTheRegion(string marker) =>
        Assert.Contains(marker, File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")), StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Verification.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Verification.sln above {AppContext.BaseDirectory}.");
    }
}
