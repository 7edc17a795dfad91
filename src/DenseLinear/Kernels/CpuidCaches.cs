using System.Runtime.Intrinsics.X86;

namespace DenseLinear.Kernels;

/// <summary>
/// The data caches from the processor itself on x86: the deterministic cache parameters, CPUID leaf 4 (Intel) or
/// 0x8000001D (AMD), where each sub-leaf describes one cache (type in EAX[4:0], 0 ending the list and 2 meaning
/// instruction; level in EAX[7:5]; size = ways · partitions · line size · sets from EBX and ECX). A hypervisor may
/// hide those; AMD's older leaves 0x80000005 (L1d KiB in ECX[31:24]) and 0x80000006 (L2 KiB in ECX[31:16], L3 in
/// 512 KiB units in EDX[31:18]) are read then.
/// </summary>
internal static class CpuidCaches
{
    private const int IntelLeaf = 4;
    private const int AmdLeaf = unchecked((int)0x8000001D);

    /// <summary>The hierarchy, or null off x86 or where neither leaf describes a level-1 data and a level-2 cache.</summary>
    public static CacheHierarchy? TryRead()
    {
        if (!X86Base.IsSupported)
        {
            return null;
        }

        (int maxLeaf, _, _, _) = X86Base.CpuId(0, 0);
        (int maxExtended, _, _, _) = X86Base.CpuId(unchecked((int)0x80000000), 0);
        uint extended = unchecked((uint)maxExtended);
        return (maxLeaf >= IntelLeaf ? Read(IntelLeaf) : null)
            ?? (extended >= 0x8000001D ? Read(AmdLeaf) : null)
            ?? (extended >= 0x80000006 ? ReadAmdLegacy() : null);
    }

    private static CacheHierarchy? ReadAmdLegacy()
    {
        (_, _, int l1Ecx, _) = X86Base.CpuId(unchecked((int)0x80000005), 0);
        (_, _, int l2Ecx, int l3Edx) = X86Base.CpuId(unchecked((int)0x80000006), 0);
        return CacheHierarchy.FromLevels([(1, (long)(l1Ecx >>> 24) << 10), (2, (long)(l2Ecx >>> 16) << 10), (3, (long)(l3Edx >>> 18) << 19)], "CPUID");
    }

    private static CacheHierarchy? Read(int leaf) => CacheHierarchy.FromLevels(Caches(leaf), "CPUID");

    private static IEnumerable<(int Level, long Bytes)> Caches(int leaf)
    {
        // Sub-leaves end with type 0; no processor has more than a handful, and 16 bounds a broken answer.
        for (int subleaf = 0; subleaf < 16; subleaf++)
        {
            (int eax, int ebx, int ecx, _) = X86Base.CpuId(leaf, subleaf);
            int type = eax & 0x1F;
            if (type == 0)
            {
                yield break;
            }

            if (type != 2)
            {
                long ways = ((ebx >>> 22) & 0x3FF) + 1L, partitions = ((ebx >>> 12) & 0x3FF) + 1L, line = (ebx & 0xFFF) + 1L;
                yield return ((eax >>> 5) & 0x7, ways * partitions * line * (unchecked((uint)ecx) + 1L));
            }
        }
    }
}
