using System.Text.Json;

namespace DenseLinear.Benchmarks.Comparison;

/// <summary>Reads BenchmarkDotNet's <c>*-report-full.json</c> (one file, or every one in a directory tree).</summary>
public static class FullJsonReader
{
    public const string FilePattern = "*-report-full.json";

    public static IReadOnlyList<BenchmarkRecord> ReadPath(string path)
    {
        if (Directory.Exists(path))
        {
            string[] files = Directory.GetFiles(path, FilePattern, SearchOption.AllDirectories);
            if (files.Length == 0)
            {
                throw new FileNotFoundException($"No {FilePattern} under {path}.");
            }

            return [.. files.Order(StringComparer.Ordinal).SelectMany(f => Parse(File.ReadAllText(f)))];
        }

        return Parse(File.ReadAllText(path));
    }

    /// <summary>One record per benchmark that has statistics and the Shape/Layout/Row parameters.</summary>
    public static IReadOnlyList<BenchmarkRecord> Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var records = new List<BenchmarkRecord>();
        if (!document.RootElement.TryGetProperty("Benchmarks", out JsonElement benchmarks))
        {
            return records;
        }

        foreach (JsonElement benchmark in benchmarks.EnumerateArray())
        {
            if (!benchmark.TryGetProperty("Statistics", out JsonElement statistics)
                || statistics.ValueKind != JsonValueKind.Object
                || !statistics.TryGetProperty("Mean", out JsonElement mean))
            {
                continue; // A failed case has no statistics; the run itself reported it.
            }

            Dictionary<string, string> parameters = ParseParameters(benchmark.GetProperty("Parameters").GetString() ?? "");
            if (parameters.TryGetValue("Shape", out string? shape)
                && parameters.TryGetValue("Layout", out string? layout)
                && parameters.TryGetValue("Row", out string? row))
            {
                records.Add(new BenchmarkRecord(benchmark.GetProperty("Type").GetString() ?? "", shape, layout, row, mean.GetDouble()));
            }
        }

        return records;
    }

    /// <summary>BDN writes parameters as <c>Name=Value&amp;Name=Value</c>.</summary>
    private static Dictionary<string, string> ParseParameters(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
}
