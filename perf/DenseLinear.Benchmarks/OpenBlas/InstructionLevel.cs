namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// The x86 instruction-set levels OpenBLAS's x86-64 cores are written for, in order, and the level this process can
/// run (what the CPU reports and the OS and runtime enable).
/// </summary>
public enum InstructionLevel
{
    /// <summary>Not x86-64, or nothing past the SSE2 base.</summary>
    None,

    /// <summary>SSE3: the generic cores (Prescott, Nehalem).</summary>
    Sse3,

    /// <summary>AVX without FMA (Sandybridge).</summary>
    Avx,

    /// <summary>AVX2 with FMA (Haswell, Zen).</summary>
    Avx2,

    /// <summary>AVX-512 F, CD, BW, DQ and VL (SkylakeX).</summary>
    Avx512,

    /// <summary>AVX-512 with BF16 (Cooperlake).</summary>
    Avx512Bf16,
}
