namespace DenseLinear.Benchmarks.Provenance;

/// <summary>The CPU's model name as the kernel reports it (Linux <c>/proc/cpuinfo</c>); null elsewhere.</summary>
public static class CpuModel
{
    private const string CpuInfoPath = "/proc/cpuinfo";

    /// <summary>
    /// <c>AMD EPYC (family 26, model 2)</c>: a virtual machine may report only the brand, so the family and model,
    /// which name the generation, follow it when the kernel gives them.
    /// </summary>
    public static string? TryRead()
    {
        if (!File.Exists(CpuInfoPath))
        {
            return null;
        }

        string[] lines = [.. File.ReadLines(CpuInfoPath).TakeWhile(l => l.Length > 0)];
        string? Field(string name) =>
            lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal) && l[name.Length..].TrimStart().StartsWith(':')) is { } line
                ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
                : null;
        string? model = Field("model name");
        if (string.IsNullOrEmpty(model))
        {
            return null;
        }

        return Field("cpu family") is { Length: > 0 } family && Field("model") is { Length: > 0 } number
            ? $"{model} (family {family}, model {number})"
            : model;
    }
}
