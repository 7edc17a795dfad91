using System.Buffers;
using System.Numerics;

namespace DenseLinear;

/// <summary>
/// <see cref="PackedKernel{T}"/> spread over the cores: blocks of output rows (or, for short batches, blocks of
/// column panels) go to different threads. k is never split, so every output is the same sequential FMA chain
/// as in <see cref="PackedKernel{T}"/> and the results are bitwise equal to it.
/// </summary>
/// <remarks>
/// <para>Formula and shapes as in <see cref="PackedKernel{T}"/>:
/// <c>y[i, j] = fma(x[i, k-1], W(k-1, j), … fma(x[i, 0], W(0, j), 0))</c>; x [m×k], W [k×n] (InOut) or [n×k]
/// (OutIn), y [m×n]; y is overwritten, never read, and nothing past m·n is touched.</para>
/// <para>Products under <see cref="ParallelThreshold"/> multiply-adds run on the calling thread: waking pool
/// threads costs some microseconds, about as long as such a product takes on one core.</para>
/// <para>Weights packed by <see cref="PackedKernel{T}.Pack"/> and by this kernel are interchangeable.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ParallelKernel<T> : IWeightPackingKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>m·n·k below which the product runs on one thread (2²¹ FMAs ≈ 4 MFLOP ≈ 50 µs on one core).</summary>
    public const long ParallelThreshold = 1L << 21;

    /// <summary>The shared instance; the kernel has no state.</summary>
    public static ParallelKernel<T> Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "Parallel";

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        if (!RunsInParallel(m, k, n))
        {
            PackedKernel<T>.Instance.Multiply(x, w, y, m, k, n, layout);
            return;
        }

        int panels = PackedGemm<T>.PanelCount(n);
        T[] packed = ArrayPool<T>.Shared.Rent(panels * k * PackedGemm<T>.NR);
        try
        {
            unsafe
            {
                fixed (T* xPointer = x, wPointer = w, yPointer = y)
                {
                    var job = new Job((nint)xPointer, (nint)wPointer, (nint)yPointer, packed, m, k, n, layout);
                    int packChunks = Math.Min(panels, Environment.ProcessorCount * 4);
                    Parallel.For(0, packChunks, job.Pack);
                    job.MultiplyInParallel();
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packed);
        }
    }

    /// <inheritdoc />
    public PackedWeights<T> Pack(ReadOnlySpan<T> w, int k, int n, WeightLayout layout) =>
        PackedKernel<T>.Instance.Pack(w, k, n, layout);

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m)
    {
        PackedWeights<T>.ValidateMultiply(x, w, y, m, PackedGemm<T>.NR);
        if (!RunsInParallel(m, w.K, w.N))
        {
            PackedKernel<T>.Instance.Multiply(x, w, y, m);
            return;
        }

        unsafe
        {
            fixed (T* xPointer = x, yPointer = y)
            {
                new Job((nint)xPointer, 0, (nint)yPointer, w.Panels, m, w.K, w.N, w.SourceLayout).MultiplyInParallel();
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static bool RunsInParallel(int m, int k, int n) =>
        Environment.ProcessorCount > 1 && (long)m * n * k >= ParallelThreshold;

    /// <summary>One call's pinned operands, shared read-only by the workers; each writes a disjoint part of y.</summary>
    private sealed unsafe class Job(nint x, nint w, nint y, T[] packed, int m, int k, int n, WeightLayout layout)
    {
        private readonly int panels = PackedGemm<T>.PanelCount(n);
        private int rowsPerChunk;
        private int panelsPerChunk;

        /// <summary>Packs chunk <paramref name="chunk"/> of the weight panels into the shared buffer.</summary>
        public void Pack(int chunk)
        {
            int chunks = Math.Min(panels, Environment.ProcessorCount * 4);
            int per = (panels + chunks - 1) / chunks;
            int first = chunk * per;
            var weights = new ReadOnlySpan<T>((void*)w, k * n);
            PackedGemm<T>.PackWeights(weights, k, n, layout, packed, first, Math.Min(first + per, panels));
        }

        /// <summary>
        /// Splits rows in whole MR tiles when there are enough of them for every core, else column panels; about
        /// four chunks per core so a core slowed by other work does not hold up the rest.
        /// </summary>
        public void MultiplyInParallel()
        {
            int mr = PackedGemm<T>.MR;
            int target = Environment.ProcessorCount * 4;
            int rowTiles = (m + mr - 1) / mr;
            if (rowTiles >= Environment.ProcessorCount)
            {
                int chunks = Math.Min(rowTiles, target);
                rowsPerChunk = mr * ((rowTiles + chunks - 1) / chunks);
                Parallel.For(0, (m + rowsPerChunk - 1) / rowsPerChunk, MultiplyRows);
            }
            else
            {
                int chunks = Math.Min(panels, target);
                panelsPerChunk = (panels + chunks - 1) / chunks;
                Parallel.For(0, (panels + panelsPerChunk - 1) / panelsPerChunk, MultiplyPanels);
            }
        }

        private void MultiplyRows(int chunk)
        {
            int first = chunk * rowsPerChunk;
            PackedGemm<T>.Multiply(X, packed, Y, k, n, first, Math.Min(first + rowsPerChunk, m), 0, panels);
        }

        private void MultiplyPanels(int chunk)
        {
            int first = chunk * panelsPerChunk;
            PackedGemm<T>.Multiply(X, packed, Y, k, n, 0, m, first, Math.Min(first + panelsPerChunk, panels));
        }

        private ReadOnlySpan<T> X => new((void*)x, m * k);

        private Span<T> Y => new((void*)y, m * n);
    }
}
