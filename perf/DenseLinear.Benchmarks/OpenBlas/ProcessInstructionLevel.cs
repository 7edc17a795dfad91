using System.Runtime.Intrinsics.X86;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>The highest <see cref="InstructionLevel"/> this process can run, from the runtime's view of the CPU.</summary>
public static class ProcessInstructionLevel
{
    /// <summary>
    /// AVX-512 BF16 is CPUID leaf 7, sub-leaf 1, EAX bit 5; the runtime has no flag for it, and it needs the same OS
    /// support as the AVX-512 it extends.
    /// </summary>
    public static InstructionLevel Current
    {
        get
        {
            if (Avx512F.IsSupported && Avx512CD.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512F.VL.IsSupported)
            {
                (int eax, _, _, _) = X86Base.CpuId(7, 1);
                return (eax & (1 << 5)) != 0 ? InstructionLevel.Avx512Bf16 : InstructionLevel.Avx512;
            }

            return Avx2.IsSupported && Fma.IsSupported ? InstructionLevel.Avx2
                : Avx.IsSupported ? InstructionLevel.Avx
                : Sse3.IsSupported ? InstructionLevel.Sse3
                : InstructionLevel.None;
        }
    }
}
