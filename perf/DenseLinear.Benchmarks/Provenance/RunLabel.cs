using DenseLinear.Benchmarks.Comparison;

namespace DenseLinear.Benchmarks.Provenance;

/// <summary>
/// The line the table and the chart print about the runs they show: the CPU and the OpenBLAS core, each marked
/// unknown rather than guessed when the input does not say.
/// </summary>
public static class RunLabel
{
    /// <summary>One description when every input agrees, else each input with its own.</summary>
    public static string Describe(IReadOnlyList<string> inputs)
    {
        string[] labels = [.. inputs.Select(Describe)];
        return labels.Distinct(StringComparer.Ordinal).Count() == 1
            ? labels[0]
            : string.Join(" | ", inputs.Select((input, i) => $"{input}: {labels[i]}"));
    }

    /// <summary>From <see cref="RunInfoFile"/>, the CPU falling back to BenchmarkDotNet's processor name.</summary>
    public static string Describe(string input)
    {
        RunInfo? info = RunInfoFile.TryRead(input);
        if (info is { CpuModel: not null })
        {
            return info.Summarize();
        }

        string cpu = info?.CpuModel ?? FullJsonReader.TryReadProcessorName(input) ?? "unknown (not recorded)";
        string core = info?.OpenBlasText ?? $"unknown (no {RunInfoFile.FileName})";
        return $"CPU: {cpu}; OpenBLAS core: {core}";
    }
}
