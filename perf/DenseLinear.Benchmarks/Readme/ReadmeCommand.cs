using System.CommandLine;
using DenseLinear.Benchmarks.Cli;

namespace DenseLinear.Benchmarks.Readme;

/// <summary><c>readme</c>: rewrites the README's generated regions (<see cref="ReadmeRegions"/>), or checks them.</summary>
public static class ReadmeCommand
{
    public static Command Create()
    {
        Option<string> readme = CliOptions.Last("--readme", "The README to rewrite; the regions' sources are read relative to its folder.", "README.md");
        Option<string?> set = CliOptions.Last<string?>("--set", "A results folder (with run1, run2, ...) to take the performance figures from, instead of the one the README names.", null);
        var check = new Option<bool>("--check") { Description = "Writes nothing: exit 1, with the difference, when the README is not what the command would write." };
        var command = new Command("readme", "Rewrites the README's generated regions: the performance figures and table, and the mutation score.") { readme, set, check };
        command.SetCheckedAction(r =>
        {
            string path = r.GetRequiredValue(readme), text = File.ReadAllText(path);
            string generated = ReadmeRegions.Regenerate(text, Path.GetDirectoryName(Path.GetFullPath(path))!, r.GetValue(set));
            if (generated == text)
            {
                Console.WriteLine($"readme: {path} is up to date.");
                return 0;
            }

            if (r.GetValue(check))
            {
                Console.WriteLine($"readme: {path} differs from what '{ReadmeRegions.Command}' writes:\n{ReadmeRegions.Diff(text, generated)}");
                return 1;
            }

            File.WriteAllText(path, generated);
            Console.WriteLine($"readme: rewrote {path}");
            return 0;
        });
        return command;
    }
}
