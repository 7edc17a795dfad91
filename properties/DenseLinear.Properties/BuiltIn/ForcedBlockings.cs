using System.Numerics;
using DenseLinear.Kernels;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// Blockings far smaller than any machine's, so that the specification's cheap products cross every block boundary
/// of the packed kernels: KC, MC and NC, and both ways the parallel kernel splits its work.
/// </summary>
public static class ForcedBlockings
{
    /// <summary>The names <see cref="Of{T}"/> takes.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tiny", "odd", "rows", "one-term"];

    /// <summary>
    /// <c>tiny</c>: KC 5 (odd, so blocks end mid-vector), one tile of rows and one panel per block, two threads from one
    /// multiply-add, split by panels. <c>odd</c>: KC 37, three tiles, two panels, split by panels past 4 KiB.
    /// <c>rows</c>: KC 64, two tiles, two panels, two threads from 1024 multiply-adds, always split by rows.
    /// <c>one-term</c>: KC 1, every value of p a block of its own.
    /// </summary>
    public static GemmBlocking<T> Of<T>(string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        GemmBlocking<T> machine = GemmBlocking<T>.Machine;
        int mr = machine.MR, nr = machine.NR;
        return name switch
        {
            "tiny" => machine.WithBlocks(kc: 5, mc: mr, nc: nr, splitBytes: 1, parallelWork: 1),
            "odd" => machine.WithBlocks(kc: 37, mc: 3 * mr, nc: 2 * nr, splitBytes: 4096, parallelWork: 1),
            "rows" => machine.WithBlocks(kc: 64, mc: 2 * mr, nc: 2 * nr, splitBytes: long.MaxValue, parallelWork: 1024),
            "one-term" => machine.WithBlocks(kc: 1, mc: mr, nc: nr, splitBytes: 1, parallelWork: 1),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Known blockings: {string.Join(", ", Names)}."),
        };
    }
}
