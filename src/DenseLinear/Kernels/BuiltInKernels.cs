using System.Numerics;

namespace DenseLinear.Kernels;

/// <summary>
/// The registry of built-in kernels. The property tests and the benchmarks both iterate <see cref="All"/>, so a
/// kernel is verified and measured the moment it is listed here.
/// </summary>
/// <typeparam name="T">The element type (float or double).</typeparam>
public static class BuiltInKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Every built-in kernel, the naive oracle first and the fastest last.</summary>
    public static IReadOnlyList<IMatMulKernel<T>> All { get; } =
    [
        NaiveKernel<T>.Instance,
        TensorPrimitivesKernel<T>.Instance,
        PackedKernel<T>.Instance,
        ParallelKernel<T>.Instance,
    ];

    /// <summary>The kernel layers use when none is given: the fastest built-in one.</summary>
    public static IMatMulKernel<T> Default => All[^1];

    /// <summary>Finds a built-in kernel by its <see cref="IMatMulKernel{T}.Name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No kernel has that name; the message lists the names.</exception>
    public static IMatMulKernel<T> Get(string name) =>
        All.FirstOrDefault(k => k.Name == name)
        ?? throw new KeyNotFoundException($"No built-in kernel is named '{name}'; there are: {string.Join(", ", All.Select(k => k.Name))}.");
}
