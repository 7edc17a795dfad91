using System.Runtime.Intrinsics.X86;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// One of the x86-64 kernel families a DYNAMIC_ARCH OpenBLAS can be forced to with <c>OPENBLAS_CORETYPE</c>, and the
/// instruction level its kernels need.
/// </summary>
/// <param name="Name">The name <c>OPENBLAS_CORETYPE</c> takes and <c>openblas_get_corename</c> returns.</param>
/// <param name="Needs">The level the core's kernels execute; forcing it on a lower one would fault.</param>
public sealed record OpenBlasCore(string Name, InstructionLevel Needs)
{
    /// <summary>
    /// The cores tried, one per distinct kernel family of the x86-64 build: two SSE3 generics, AVX, the two AVX2
    /// families (their blocking differs), and the two AVX-512 ones. Older and vendor-specific families (Core2,
    /// Barcelona, Bulldozer, …) run the same instruction sets with older blocking, so they are not tried.
    /// </summary>
    public static IReadOnlyList<OpenBlasCore> Known { get; } =
    [
        new("Prescott", InstructionLevel.Sse3),
        new("Nehalem", InstructionLevel.Sse3),
        new("Sandybridge", InstructionLevel.Avx),
        new("Haswell", InstructionLevel.Avx2),
        new("Zen", InstructionLevel.Avx2),
        new("SkylakeX", InstructionLevel.Avx512),
        new("Cooperlake", InstructionLevel.Avx512Bf16),
    ];

    /// <summary>
    /// The highest level this process can run, from the runtime's view of the CPU. AVX-512 BF16 is CPUID leaf 7,
    /// sub-leaf 1, EAX bit 5; the runtime has no flag for it, and it needs the same OS support as the AVX-512 it extends.
    /// </summary>
    public static InstructionLevel Cpu =>
        Avx512F.IsSupported && Avx512CD.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512F.VL.IsSupported
            ? (X86Base.CpuId(7, 1).Eax & (1 << 5)) != 0 ? InstructionLevel.Avx512Bf16 : InstructionLevel.Avx512
            : Avx2.IsSupported && Fma.IsSupported ? InstructionLevel.Avx2
            : Avx.IsSupported ? InstructionLevel.Avx
            : Sse3.IsSupported ? InstructionLevel.Sse3
            : InstructionLevel.None;

    /// <summary>The level of a core by name (case-insensitive); <see cref="InstructionLevel.None"/> when unknown.</summary>
    public static InstructionLevel LevelOf(string core) =>
        Known.FirstOrDefault(c => string.Equals(c.Name, core, StringComparison.OrdinalIgnoreCase))?.Needs ?? InstructionLevel.None;

    /// <summary>
    /// Whether <paramref name="core"/> is a generic core on a CPU that runs FMA kernels: SSE3 or AVX without FMA where
    /// AVX2 with FMA is available. Such a core is a weak anchor and never chosen silently. A core not in
    /// <see cref="Known"/> (a newer build's) is not called generic.
    /// </summary>
    public static bool IsGeneric(string core, InstructionLevel cpu) =>
        cpu >= InstructionLevel.Avx2 && LevelOf(core) is InstructionLevel.Sse3 or InstructionLevel.Avx;

    /// <summary>The warning a run prints when <paramref name="core"/> is generic on <paramref name="cpu"/>, or null.</summary>
    public static string? GenericWarning(string core, InstructionLevel cpu) =>
        IsGeneric(core, cpu) ? $"{core} is a generic {LevelOf(core)} core on a CPU with {cpu}: the OpenBLAS rows understate OpenBLAS here" : null;
}
