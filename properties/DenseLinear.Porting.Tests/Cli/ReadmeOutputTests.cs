using Xunit;

namespace DenseLinear.Porting.Tests.Cli;

/// <summary>
/// The output pasted under the README's "## Check a port" is what <c>denselinear compare</c> prints now: a block is
/// the whole output, or excerpts of it split by lines of <c>...</c>, each found in order. Line endings are normalised,
/// nothing else. The samples are given by the README's own relative paths, so the commands run from the repository's
/// root (the collection runs alone: the current directory is the process's).
/// </summary>
[Collection(nameof(ReadmeOutputTests))]
[CollectionDefinition(nameof(ReadmeOutputTests), DisableParallelization = true)]
public sealed class ReadmeOutputTests
{
    private static readonly string[] Ports = ["mlp.keras", "broken.keras", "forgotten.keras"];

    [Fact]
    public void The_check_a_port_section_pastes_the_current_output()
    {
        string root = RepositoryRoot();
        List<string> blocks = OutputBlocks(File.ReadAllText(Path.Combine(root, "README.md")));
        Assert.Equal(Ports.Length, blocks.Count);
        string previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = root;
            for (int i = 0; i < Ports.Length; i++)
            {
                CliRun run = CliRun.Of("compare", "samples/port-check/mlp.pt", $"samples/port-check/{Ports[i]}");
                Assert.Equal(i == 0 ? 0 : 1, run.Exit);
                AssertPasted(blocks[i], Normalise(run.Output), Ports[i]);
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private static void AssertPasted(string block, string output, string port)
    {
        string[] excerpts = block.Split("\n...\n");
        if (excerpts.Length == 1)
        {
            Assert.Equal(block, output);
            return;
        }

        int from = 0;
        foreach (string excerpt in excerpts)
        {
            int at = output.IndexOf(excerpt.Trim('\n'), from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"The README's excerpt for {port} is not in the output after position {from}.\nExcerpt:\n{excerpt}\nOutput:\n{output}");
            from = at + excerpt.Trim('\n').Length;
        }
    }

    // The fenced blocks without a language (the sh blocks are commands) between "## Check a port" and the next "## ".
    private static List<string> OutputBlocks(string readme)
    {
        string[] lines = Normalise(readme).Split('\n');
        int start = Array.IndexOf(lines, "## Check a port");
        Assert.True(start >= 0, "README.md has no '## Check a port' section.");
        var blocks = new List<string>();
        List<string>? block = null;
        bool other = false;
        for (int i = start + 1; i < lines.Length && !(block is null && !other && lines[i].StartsWith("## ", StringComparison.Ordinal)); i++)
        {
            string line = lines[i];
            if (block is null && !other && line.StartsWith("```", StringComparison.Ordinal))
            {
                block = line == "```" ? [] : null;
                other = block is null;
            }
            else if (line == "```")
            {
                if (block is not null)
                {
                    blocks.Add(string.Join('\n', block) + "\n");
                }

                (block, other) = (null, false);
            }
            else
            {
                block?.Add(line);
            }
        }

        return blocks;
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "README.md")) && File.Exists(Path.Combine(folder.FullName, "Verification.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No README.md with Verification.sln above {AppContext.BaseDirectory}.");
    }
}
