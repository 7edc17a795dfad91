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

    /// <summary>libtorch (MKL, oneDNN) on one thread: what a .NET user calls for nn.Linear.</summary>
    public const string LibTorchSingleThread = "LibTorch-1T";

    /// <summary>libtorch on two threads.</summary>
    public const string LibTorchTwoThreads = "LibTorch-2T";

    /// <summary>The peers on one thread; a table's single-thread reference is the fastest of them on each product.</summary>
    public static IReadOnlyList<string> SingleThreadPeers { get; } = [OpenBlasSingleThread, LibTorchSingleThread];

    /// <summary>The peers on two threads, the reference for the parallel kernel and the layer.</summary>
    public static IReadOnlyList<string> TwoThreadPeers { get; } = [OpenBlasTwoThreads, LibTorchTwoThreads];

    public static bool IsOpenBlas(string row) => row.StartsWith("OpenBLAS", StringComparison.Ordinal);

    /// <summary>Whether the row is another library's (OpenBLAS, libtorch): measured as a reference, never judged.</summary>
    public static bool IsPeer(string row) => SingleThreadPeers.Contains(row) || TwoThreadPeers.Contains(row);
}
