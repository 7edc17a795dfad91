using System.Globalization;

namespace DenseLinear.Kernels;

/// <summary>
/// The data caches one core sees, in bytes: what <see cref="GemmBlocking{T}"/> sizes its blocks from.
/// </summary>
/// <param name="L1Data">The level-1 data cache of one core.</param>
/// <param name="L2">The level-2 cache of one core.</param>
/// <param name="L3">The last-level cache the core shares with others, or 0 when there is none.</param>
/// <param name="Source">Where the sizes come from: <c>sysfs</c>, <c>CPUID</c>, or <c>assumed</c> when neither says.</param>
public sealed record CacheHierarchy(long L1Data, long L2, long L3, string Source)
{
    private const string SysfsCacheDirectory = "/sys/devices/system/cpu/cpu0/cache";

    /// <summary>
    /// What is assumed where the system does not say: small enough for any x86-64 or ARM64 core of the last decade,
    /// so blocks never overflow a cache, at some cost in speed on larger ones.
    /// </summary>
    public static CacheHierarchy Assumed { get; } = new(32 << 10, 512 << 10, 0, "assumed");

    private static readonly Lazy<CacheHierarchy> LazyMachine = new(ReadMachine);

    /// <summary>
    /// This machine's caches as the process sees them: Linux sysfs for CPU 0 (which a container or hypervisor may
    /// trim to what it grants), else the processor's own CPUID answer, else <see cref="Assumed"/>.
    /// </summary>
    public static CacheHierarchy Machine => LazyMachine.Value;

    /// <summary><c>L1d 48 KiB, L2 1 MiB, L3 32 MiB (sysfs)</c>.</summary>
    public override string ToString() =>
        $"L1d {Size(L1Data)}, L2 {Size(L2)}, L3 {(L3 > 0 ? Size(L3) : "none")} ({Source})";

    /// <summary>Reads a sysfs cache directory: each <c>index*</c> with <c>level</c>, <c>type</c> and <c>size</c>.</summary>
    /// <returns>The hierarchy, or null when the directory is missing or gives no level-1 data and level-2 size.</returns>
    public static CacheHierarchy? TryReadSysfs(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        return FromLevels(Caches(directory), "sysfs");
    }

    /// <summary>
    /// The hierarchy from each data or unified cache's level and size (later ones of a level replace earlier ones), or
    /// null when there is no level-1 and level-2 size.
    /// </summary>
    internal static CacheHierarchy? FromLevels(IEnumerable<(int Level, long Bytes)> caches, string source)
    {
        long l1 = 0, l2 = 0, l3 = 0;
        foreach ((int level, long bytes) in caches)
        {
            switch (level)
            {
                case 1:
                    l1 = bytes;
                    break;
                case 2:
                    l2 = bytes;
                    break;
                case 3:
                    l3 = bytes;
                    break;
            }
        }

        return l1 > 0 && l2 > 0 ? new CacheHierarchy(l1, l2, l3, source) : null;
    }

    /// <summary>Each <c>index*</c> that is a data or unified cache with a size: its level and bytes.</summary>
    private static IEnumerable<(int Level, long Bytes)> Caches(string directory)
    {
        foreach (string index in Directory.GetDirectories(directory, "index*"))
        {
            long size = ParseSize(ReadLine(index, "size"));
            if (ReadLine(index, "type") != "Instruction" && size > 0
                && int.TryParse(ReadLine(index, "level"), NumberStyles.None, CultureInfo.InvariantCulture, out int level))
            {
                yield return (level, size);
            }
        }
    }

    /// <summary>sysfs sizes: <c>48K</c>, <c>1024K</c>, <c>32M</c>; 0 for anything else.</summary>
    public static long ParseSize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        long unit = char.ToUpperInvariant(text[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1 };
        string digits = unit == 1 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value <= (long.MaxValue >> 30) ? value * unit : 0;
    }

    private static CacheHierarchy ReadMachine() =>
        (OperatingSystem.IsLinux() ? TryReadSysfs(SysfsCacheDirectory) : null) ?? CpuidCaches.TryRead() ?? Assumed;

    private static string? ReadLine(string directory, string file)
    {
        try
        {
            string path = Path.Combine(directory, file);
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Size(long bytes) =>
        bytes >= 1L << 20 && bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes >> 10} KiB";
}
