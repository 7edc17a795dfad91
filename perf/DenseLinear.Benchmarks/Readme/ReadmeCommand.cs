using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DenseLinear.Benchmarks.Cli;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.Peak;
using DenseLinear.Benchmarks.Provenance;
using DenseLinear.Benchmarks.Tables;

namespace DenseLinear.Benchmarks.Readme;

/// <summary>
/// <c>readme</c>: the README's figures, generated, or checked. Each region between <c>&lt;!-- generated: NAME ... --&gt;</c>
/// and <c>&lt;!-- end generated --&gt;</c> is rewritten from its source, and the prose around it stays as written.
/// <c>performance SET</c> comes from the runs in <c>SET/run*</c> (reports, run-info.json, fma-peak.txt);
/// <c>mutation</c> from <c>mutation/score.py --summary</c>.
/// </summary>
public static partial class ReadmeCommand
{
    public const string Invocation = "perf/bench.sh readme";

    public static Command Create()
    {
        Option<string> readme = CliOptions.Last(
            "--readme", "The README to rewrite; the regions' sources are read relative to its folder.", "README.md");
        Option<string?> set = CliOptions.Last<string?>(
            "--set", "A results folder (with run1, run2, ...) to take the performance figures from, instead of the one the README names.", null);
        var check = new Option<bool>("--check")
        {
            Description = "Writes nothing: exit 1, with the difference, when the README is not what the command would write.",
        };
        var command = new Command("readme", "Rewrites the README's generated regions: the performance figures and table, and the mutation score.")
        {
            readme, set, check,
        };
        command.SetCheckedAction(r =>
        {
            string path = r.GetRequiredValue(readme), text = File.ReadAllText(path);
            string generated = Regenerate(text, Path.GetDirectoryName(Path.GetFullPath(path))!, r.GetValue(set));
            if (generated == text)
            {
                Console.WriteLine($"readme: {path} is up to date.");
                return 0;
            }

            if (r.GetValue(check))
            {
                Console.WriteLine($"readme: {path} differs from what '{Invocation}' writes:\n{Diff(text, generated)}");
                return 1;
            }

            File.WriteAllText(path, generated);
            Console.WriteLine($"readme: rewrote {path}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// <paramref name="readme"/> with every region regenerated; <paramref name="set"/>, when given, replaces the
    /// results folder the performance marker names.
    /// </summary>
    public static string Regenerate(string readme, string root, string? set = null) =>
        Region().Replace(readme, m =>
        {
            string[] words = m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            (string head, string body) = m.Groups["name"].Value switch
            {
                "performance" when (set ?? words.FirstOrDefault()) is { } folder => ($"performance {folder}", Performance(root, folder)),
                "mutation" => ("mutation", Mutation(root)),
                _ => throw new FormatException($"README.md: unknown or incomplete region '{m.Groups["name"].Value}'."),
            };
            return $"<!-- generated: {head} (`{Invocation}` writes this region) -->\n{body}\n<!-- end generated -->";
        });

    /// <summary>The lines of <paramref name="expected"/> missing from <paramref name="actual"/> (+) and the other way round (−).</summary>
    public static string Diff(string actual, string expected)
    {
        string[] before = actual.Split('\n'), after = expected.Split('\n');
        return string.Join('\n', before.Except(after).Select(l => "- " + l).Concat(after.Except(before).Select(l => "+ " + l)));
    }

    private static string Performance(string root, string set)
    {
        string[] inputs = [.. Directory.GetDirectories(Path.Combine(root, set), "run*").Order(StringComparer.Ordinal)];
        IReadOnlyList<IReadOnlyList<BenchmarkRecord>> runs = MultiRun.Read(inputs);
        PeakReading? median = PeakCommand.TryReadMedian(inputs);
        HostInfo? host = FullJsonReader.TryReadHost(inputs[0]);
        string F1(double gflops) => gflops.ToString("F1", CultureInfo.InvariantCulture);
        string each = Join(inputs.Select(PeakCommand.TryRead).Select(r => r is { } v ? F1(v.Gflops) : "not measured")), count = Count(inputs.Length);
        string peakText = median is { } p
            ? $" The single-core {p.Width ?? "float32"} FMA peak (`peak`) was {each} GFLOP/s in the {count} runs, median {F1(p.Gflops)}."
            : " No run measured the FMA peak.";
        string suites = Join(runs.SelectMany(r => r).Select(r => r.Suite).Distinct().OrderBy(SpeedTable.SuiteOrder).Select(s => $"`{s}`"));
        string cores = host?.LogicalCoreCount.ToString(CultureInfo.InvariantCulture) ?? "?";
        return $"From the {count} runs in `{set}` ({suites}), on {cores} logical cores, "
            + $"{host?.RuntimeVersion ?? "an unrecorded runtime"}, {host?.OsVersion ?? "an unrecorded OS"}.{peakText}\n\n"
            + SpeedTable.Render(runs, "The runs' own record: " + RunLabel.Summarize(inputs), median?.Gflops).TrimEnd('\n');
    }

    private static string Mutation(string root)
    {
        var start = new ProcessStartInfo("python3", ["mutation/score.py", "--summary"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start) ?? throw new IOException("python3 did not start.");
        string json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        MutationSummary s = process.ExitCode == 0 && JsonSerializer.Deserialize<MutationSummary>(json, SnakeCase) is { } summary
            ? summary
            : throw new IOException($"mutation/score.py --summary exited {process.ExitCode}: {process.StandardError.ReadToEnd()}");
        string Files(string[] files) => Join(files.Select(f => $"`{Path.GetFileNameWithoutExtension(f)}`"));
        string F(double score) => score.ToString("F2", CultureInfo.InvariantCulture) + " %";
        return $"`score.py` gives **{F(s.Score)}**: {s.Killed} killed, {s.Timeout} timed out, {s.Survived} survived and {s.NoCoverage} "
            + $"without coverage, of {s.Valid} valid mutants, over {s.FilesMeasured} of the {s.FilesTotal} files. "
            + $"By part: {Join(s.Parts.Select(p => $"`{p.Key}` {F(p.Value)}"))}. "
            + $"The weakest files: {Join(s.Weakest.Select(w => $"`{w.File}` {F(w.Score)}"))}.\n\n"
            + (s.Stale.Length == 0 ? "No report is stale. " : $"{Count(s.Stale.Length, capital: true)} files changed since their reports, "
                + $"which `score.py` calls stale and counts as the reports measured them: {Files(s.Stale)}. ")
            + (s.Unmeasured.Length == 0 ? "Every file is in a report."
                : $"{Count(s.Unmeasured.Length, capital: true)} files are in no report and left out of the figure: {Files(s.Unmeasured)}.")
            + (s.Stale.Length + s.Unmeasured.Length == 0 ? "" : " `score.py` lists them and exits 1.")
            + $"\n\n{(s.WithoutVerdict == 0 ? "Every" : $"{s.WithoutVerdict} of the {s.Undetected} undetected mutants lack a verdict; every other")} "
            + "survivor has a verdict in `mutation/survivors.md`; "
            + $"of its {s.Verdicts.Values.Sum()} rows, {Join(s.Verdicts.OrderByDescending(v => v.Value).Select(v => $"{v.Value} {v.Key}"))}.";
    }

    private static string Join(IEnumerable<string> items)
    {
        string[] all = [.. items];
        return all.Length <= 1 ? string.Concat(all) : $"{string.Join(", ", all[..^1])} and {all[^1]}";
    }

    private static string Count(int n, bool capital = false)
    {
        string word = n is >= 0 and <= 10 ? Words[n] : n.ToString(CultureInfo.InvariantCulture);
        return capital ? char.ToUpperInvariant(word[0]) + word[1..] : word;
    }

    private static readonly string[] Words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [GeneratedRegex(@"<!-- generated: (?<name>\w+)(?<args>[^(>]*?)(\([^)]*\) )?-->\n.*?<!-- end generated -->", RegexOptions.Singleline)]
    private static partial Regex Region();

    private sealed record MutationSummary(
        double Score, int Killed, int Timeout, int Survived, int NoCoverage, int Valid, int FilesMeasured, int FilesTotal,
        Dictionary<string, double> Parts, Weak[] Weakest, string[] Stale, string[] Unmeasured, Dictionary<string, int> Verdicts, int Undetected,
        int WithoutVerdict);

    private sealed record Weak(string File, double Score);
}
