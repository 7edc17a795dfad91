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
            throw new FormatException(
                $"{path} holds {repeated.Key.Product} {repeated.Key.Row} {repeated.Count()} times (several runs?); pass each run's results folder as its own option.");
        }
    }

    /// <summary>BenchmarkDotNet's <c>HostEnvironmentInfo.ProcessorName</c> from the first report that has one, or null.</summary>
    public static string? TryReadProcessorName(string path)
    {
        foreach (string file in Files(path))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.TryGetProperty("HostEnvironmentInfo", out JsonElement host)
                && host.ValueKind == JsonValueKind.Object
                && host.TryGetProperty("ProcessorName", out JsonElement name)
                && name.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(name.GetString()))
            {
                return name.GetString()!.Trim();
            }
        }

        return null;
    }

    private static string[] Files(string path)
    {
        if (!Directory.Exists(path))
        {
            return [path];
        }

        string[] files = Directory.GetFiles(path, FilePattern, SearchOption.AllDirectories);
        return files.Length > 0 ? [.. files.Order(StringComparer.Ordinal)] : throw new FileNotFoundException($"No {FilePattern} under {path}.");
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
