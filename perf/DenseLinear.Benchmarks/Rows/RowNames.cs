using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.Rows;

/// <summary>The names of the rows that are not registry kernels; reports and the compare tool key on them.</summary>
public static class RowNames
{
    /// <summary>The oracle, <see cref="NaiveKernel{T}.Name"/>: the same-run reference up to 512³ multiply-adds.</summary>
    public const string Naive = "Naive";

    /// <summary>A layer's Forward with its weights prepared once in the constructor, default kernel.</summary>
    public const string Layer = "Layer";

    /// <summary>OpenBLAS pinned to one thread: the single-core reference at every size.</summary>
    public const string OpenBlasSingleThread = "OpenBLAS-1T";

    /// <summary>OpenBLAS on two threads: the reference for the parallel kernel.</summary>
    public const string OpenBlasTwoThreads = "OpenBLAS-2T";

    public static bool IsOpenBlas(string row) => row.StartsWith("OpenBLAS", StringComparison.Ordinal);
}
