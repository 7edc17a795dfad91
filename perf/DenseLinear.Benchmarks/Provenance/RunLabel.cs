using System.Text.RegularExpressions;
using DenseLinear.Benchmarks.Comparison;
using DenseLinear.Benchmarks.OpenBlas;

namespace DenseLinear.Benchmarks.Provenance;

/// <summary>
/// The line the table and the chart print about the runs they show: the CPU and the OpenBLAS core, each marked
/// unknown rather than guessed when the input does not say.
/// </summary>
public static partial class RunLabel
{
    /// <summary>One description when every input agrees, else each input with its own.</summary>
    public static string Describe(IReadOnlyList<string> inputs)
    {
        string[] labels = [.. inputs.Select(Describe)];
        return labels.Distinct(StringComparer.Ordinal).Count() == 1
            ? labels[0]
            : string.Join(" | ", inputs.Select((input, i) => $"{input}: {labels[i]}"));
    }

    /// <summary>From <see cref="RunInfo.TryRead"/>, the CPU falling back to BenchmarkDotNet's processor name.</summary>
    public static string Describe(string input)
    {
        RunInfo? info = RunInfo.TryRead(input);
        if (info is { CpuModel: not null })
        {
            return info.Summarize();
        }

        string cpu = info?.CpuModel ?? FullJsonReader.TryReadHost(input)?.ProcessorName?.Trim() ?? "unknown (not recorded)";
        string core = info?.OpenBlasText ?? $"unknown (no {RunInfo.FileName})";
        return $"CPU: {cpu}; OpenBLAS core: {core}";
    }

    /// <summary>
    /// The runs' records merged into one sentence: <c>CPU …; OpenBLAS 0.3.21 on the fastest of the 9 cores tried
    /// (SkylakeX in 2 runs, Cooperlake in 1; the environment pins Haswell, OpenBLAS's own pick is Cooperlake); …</c>.
    /// <see cref="Describe(IReadOnlyList{string})"/> when a run has no record.
    /// </summary>
    public static string Summarize(IReadOnlyList<string> inputs)
    {
        RunInfo?[] infos = [.. inputs.Select(RunInfo.TryRead)];
        if (infos.Any(i => i?.CpuModel is null))
        {
            return Describe(inputs);
        }

        RunInfo[] runs = infos!;
        string Each(Func<RunInfo, string?> field) => string.Join(" / ", runs.Select(field).OfType<string>().Distinct());
        string version = Each(i => i.OpenBlasConfig is { } config && OpenBlasVersion().Match(config) is { Success: true } m ? m.Value : "OpenBLAS");
        string cores = string.Join(
            ", ", runs.GroupBy(i => i.OpenBlasCore ?? "none").Select(g => $"{g.Key} in {g.Count()} run{(g.Count() == 1 ? "" : "s")}"));
        OpenBlasCoreTrial[] trials = [.. runs.SelectMany(i => i.OpenBlasChoice?.Trials ?? [])];
        string? pin = trials.FirstOrDefault(t => t.Candidate == OpenBlasCandidate.Environment.Label)?.Core;
        string? own = trials.FirstOrDefault(t => t.Candidate == OpenBlasCandidate.OwnPick.Label)?.Core;
        string how = trials.Length == 0
            ? $"{cores}, {Each(i => i.OpenBlasChoice?.Describe() ?? OpenBlasCandidate.Describe(i.OpenBlasVariables))}"
            : $"the fastest of the {Each(i => i.OpenBlasChoice is { } c ? $"{c.Trials.Count}" : null)} cores tried ({cores}"
                + (pin is null ? "" : $"; the environment pins {pin}") + (own is null ? "" : $", OpenBLAS's own pick is {own}") + ")";
        return $"CPU {Each(i => i.CpuModel)}; {version} on {how}"
            + string.Concat(runs.Select(i => i.OpenBlasWarning).OfType<string>().Distinct().Select(w => $" WARNING: {w}"))
            + $"; {Each(i => i.LibTorch)}; blocking: {Each(i => i.Blocking)}";
    }

    [GeneratedRegex(@"OpenBLAS \d+(\.\d+)*")]
    private static partial Regex OpenBlasVersion();
}
