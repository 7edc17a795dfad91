namespace DenseLinear.Kernels;

/// <summary>The instruction set the packed kernels' inner loops run on; every path gives the same bits.</summary>
internal enum MicroKernelPath
{
    /// <summary>Plain scalar fused multiply-adds.</summary>
    Scalar,

    /// <summary>AVX2 with FMA, 256-bit vectors.</summary>
    Vector256,

    /// <summary>AVX-512, 512-bit vectors.</summary>
    Vector512,
}
