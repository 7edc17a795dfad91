using System.Text.Json;

namespace DenseLinear.Benchmarks.Provenance;

/// <summary>
/// <c>run-info.json</c>: the run's <see cref="RunInfo"/>, written by the run itself into each folder it left reports
/// in, so the record sits where the numbers are and moves with them.
/// </summary>
public static class RunInfoFile
{
    public const string FileName = "run-info.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Write(string directory, RunInfo info)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(info, Options) + "\n");
        return path;
    }

    /// <summary>
    /// The record under <paramref name="input"/> (a results directory, searched like the reports, or the folder of
    /// one report); null when there is none. Several that disagree are an error: the input mixes runs.
    /// </summary>
    public static RunInfo? TryRead(string input)
    {
        string[] paths = Directory.Exists(input)
            ? Directory.GetFiles(input, FileName, SearchOption.AllDirectories)
            : [Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input)) ?? ".", FileName)];
        RunInfo[] infos = [.. paths.Where(File.Exists).Order(StringComparer.Ordinal).Select(Parse)];
        if (infos.Select(i => i.Describe()).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new FormatException($"{input} holds {FileName} files of different runs; pass each run's results folder on its own.");
        }

        return infos.FirstOrDefault();
    }

    private static RunInfo Parse(string path) =>
        JsonSerializer.Deserialize<RunInfo>(File.ReadAllText(path), Options)
            ?? throw new FormatException($"{path}: empty {FileName}.");
}
