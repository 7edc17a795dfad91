using System.Text.Json;

namespace DenseLinear.Benchmarks.Comparison;

/// <summary>Reads BenchmarkDotNet's <c>*-report-full.json</c> (one file, or every one in a directory tree).</summary>
public static class FullJsonReader
{
    public const string FilePattern = "*-report-full.json";

    /// <summary>The records of one run; a case found twice means several runs under one path, and is refused.</summary>
    public static IReadOnlyList<BenchmarkRecord> ReadPath(string path)
    {
        IReadOnlyList<BenchmarkRecord> records = [.. Files(path).SelectMany(f => Parse(File.ReadAllText(f)))];
        ThrowIfRepeated(records, path);
        return records;
    }

    /// <summary>Same-run ratios need one time per case; two would silently pair rows from different runs.</summary>
    public static void ThrowIfRepeated(IEnumerable<BenchmarkRecord> records, string path)
    {
        if (records.GroupBy(r => (r.Product, r.Row)).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new FormatException($"{path} holds {repeated.Key.Product} {repeated.Key.Row} {repeated.Count()} times (several runs?); "
                + "pass each run's results folder as its own option.");
        }
    }

    /// <summary>BenchmarkDotNet's <c>HostEnvironmentInfo</c> from the first report that names the processor, or null.</summary>
    public static HostInfo? TryReadHost(string path) =>
        Files(path).Select(f => Deserialize(File.ReadAllText(f)).HostEnvironmentInfo)
            .FirstOrDefault(h => !string.IsNullOrWhiteSpace(h?.ProcessorName));

    /// <summary>
    /// One record per benchmark that has statistics and the Shape/Layout/Row parameters; a failed case has no
    /// statistics, and the run itself reported it.
    /// </summary>
    public static IReadOnlyList<BenchmarkRecord> Parse(string json) =>
        [.. from benchmark in Deserialize(json).Benchmarks ?? []
            let statistics = benchmark.Statistics
            where statistics is not null

            // BDN writes parameters as Name=Value&Name=Value.
            let parameters = (benchmark.Parameters ?? "").Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1])
            where parameters.ContainsKey("Shape") && parameters.ContainsKey("Layout") && parameters.ContainsKey("Row")
            select new BenchmarkRecord(
                benchmark.Type ?? "", parameters["Shape"], parameters["Layout"], parameters["Row"], statistics.Mean)];

    private static Report Deserialize(string json) => JsonSerializer.Deserialize<Report>(json) ?? new Report(null, null);

    private static string[] Files(string path) =>
        !Directory.Exists(path) ? [path]
            : Directory.GetFiles(path, FilePattern, SearchOption.AllDirectories) is { Length: > 0 } files ? [.. files.Order(StringComparer.Ordinal)]
            : throw new FileNotFoundException($"No {FilePattern} under {path}.");

    private sealed record Report(Benchmark[]? Benchmarks, HostInfo? HostEnvironmentInfo);

    private sealed record Benchmark(string? Type, string? Parameters, Statistics? Statistics);

    private sealed record Statistics(double Mean);
}
