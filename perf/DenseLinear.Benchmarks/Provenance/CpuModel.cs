namespace DenseLinear.Benchmarks.Provenance;

/// <summary>The CPU's model name as the kernel reports it (Linux <c>/proc/cpuinfo</c>); null elsewhere.</summary>
public static class CpuModel
{
    private const string CpuInfoPath = "/proc/cpuinfo";

    public static string? TryRead()
    {
        if (!File.Exists(CpuInfoPath))
        {
            return null;
        }

        // "model name\t: AMD EPYC ..."; a VM may report less than the part number, and that is what is recorded.
        string? line = File.ReadLines(CpuInfoPath).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        string? name = line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        return string.IsNullOrEmpty(name) ? null : name;
    }
}
