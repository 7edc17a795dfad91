using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DenseLinear.Kernels;

/// <summary>
/// <see cref="PackedKernel{T}"/> spread over the cores: blocks of output rows (or, for short batches, blocks of
/// column panels) go to different threads. k is never split, so every output is the same sequential FMA chain
/// as in <see cref="PackedKernel{T}"/> and the results are bitwise equal to it.
/// </summary>
/// <remarks>
/// <para>Formula and shapes as in <see cref="PackedKernel{T}"/>:
/// <c>y[i, j] = fma(x[i, k-1], W(k-1, j), … fma(x[i, 0], W(0, j), 0))</c>; x [m×k], W [k×n] (InOut) or [n×k]
/// (OutIn), y [m×n]; y is overwritten, never read, and nothing past m·n is touched.</para>
/// <para>Products under <see cref="GemmBlocking{T}.ParallelWork"/> multiply-adds (2²¹ by default) run on the calling
/// thread: waking pool threads and joining them would eat most of what a second core saves on so little work.</para>
/// <para>Weights packed by <see cref="PackedKernel{T}.Pack"/> and by this kernel are interchangeable.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ParallelKernel<T> : IWeightPackingKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly Lazy<ParallelKernel<T>> LazyInstance = new(() => new(GemmBlocking<T>.Machine));

    /// <summary>m·n·k below which the product runs on one thread by default (<see cref="GemmBlocking{T}.ParallelWork"/>).</summary>
    public const long ParallelThreshold = 1L << 21;

    private readonly PackedKernel<T> singleThread;

    /// <summary>
    /// A kernel on <paramref name="blocking"/>. Every blocking gives the same bits; it changes only the speed and
    /// the split between threads, so this is for tests that cross block boundaries with small products, and for
    /// experiments.
    /// </summary>
    public ParallelKernel(GemmBlocking<T> blocking)
    {
        ArgumentNullException.ThrowIfNull(blocking);
        Blocking = blocking;
        singleThread = new PackedKernel<T>(blocking);
    }

    /// <summary>The shared instance, on the machine's blocking (<see cref="GemmBlocking{T}.Machine"/>).</summary>
    /// <exception cref="InvalidOperationException"><see cref="GemmBlocking{T}.Variable"/> is malformed.</exception>
    public static ParallelKernel<T> Instance => LazyInstance.Value;

    /// <summary>The block sizes and the thread split this kernel runs with.</summary>
    public GemmBlocking<T> Blocking { get; }

    /// <inheritdoc />
    public string Name => "Parallel";

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        if (!RunsInParallel(m, k, n))
        {
            PackedGemm<T>.MultiplyOnOneThread(Blocking, x, w, y, m, k, n, layout);
            return;
        }

        int panels = PackedGemm<T>.PanelCount(n);
        int chunk = PackedGemm<T>.ChunkPanels(Blocking, k, panels);
        if (chunk == 0)
        {
            PackedGemm<T>.MultiplyOnOneThread(Blocking, x, w, y, m, k, n, layout);
            return;
        }

        if (m == 1)
        {
            // One row uses each packed panel once and packs no x: every thread streams its own panels through its own
            // buffer. Taller products would pack their x block again for every group of panels.
            unsafe
            {
                fixed (T* xPointer = x, wPointer = w, yPointer = y)
                {
                    new Job(Blocking, (nint)xPointer, (nint)wPointer, (nint)yPointer, [], m, k, n, layout)
                        .RunStreaming(panels, Math.Min(chunk, PackedGemm<T>.StreamPanels(Blocking, k)));
                }
            }

            return;
        }

        T[] packed = ArrayPool<T>.Shared.Rent(chunk * k * PackedGemm<T>.NR);
        try
        {
            unsafe
            {
                fixed (T* xPointer = x, wPointer = w, yPointer = y)
                {
                    var job = new Job(Blocking, (nint)xPointer, (nint)wPointer, (nint)yPointer, packed, m, k, n, layout);
                    for (int first = 0; first < panels; first += chunk)
                    {
                        job.Run(first, Math.Min(first + chunk, panels), packFirst: true);
                    }
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
        singleThread.Pack(w, k, n, layout);

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m)
    {
        PackedWeights<T>.ValidateMultiply(x, w, y, m, PackedGemm<T>.NR);
        if (!RunsInParallel(m, w.K, w.N))
        {
            PackedGemm<T>.MultiplyPackedOnOneThread(Blocking, x, w, y, m);
            return;
        }

        unsafe
        {
            fixed (T* xPointer = x, yPointer = y)
            {
                var job = new Job(Blocking, (nint)xPointer, 0, (nint)yPointer, w.PanelArray, m, w.K, w.N, w.SourceLayout);
                job.Run(0, PackedGemm<T>.PanelCount(w.N), packFirst: false);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private bool RunsInParallel(int m, int k, int n) =>
        Environment.ProcessorCount > 1 && (long)m * n * k >= Blocking.ParallelWork;

    /// <summary>One call's pinned operands, shared read-only by the workers; each writes a disjoint part of y.</summary>
    private sealed unsafe class Job(GemmBlocking<T> blocking, nint x, nint w, nint y, T[] packed, int m, int k, int n, WeightLayout layout)
    {
        private static readonly int ChunksPerPass = Environment.ProcessorCount * 4;

        // Row tiles per core below which rows are split only when panels cannot be: with fewer, whole tiles
        // cannot be shared out evenly (3 tiles on 2 cores leave one core half idle).
        private const int RowTilesPerCore = 4;

        private int first;
        private int end;
        private int packedFirst;
        private int rowTiles;
        private int rowChunks;
        private int panelChunks;
        private int streamGroup;

        private ReadOnlySpan<T> X => new((void*)x, m * k);

        private Span<T> Y => new((void*)y, m * n);

        /// <summary>
        /// Writes the columns of panels [first, end), packing them into the buffer first if asked. Rows are
        /// split in whole MR tiles or columns in whole panels (<see cref="SplitsByRows"/>); about four
        /// chunks per core, so a core slowed by other work does not hold up the rest, and chunk sizes that differ
        /// by at most one tile or panel, so that on two free cores neither waits for the other at the end.
        /// </summary>
        public void Run(int firstPanel, int endPanel, bool packFirst)
        {
            first = firstPanel;
            end = endPanel;

            // A call that packs holds just this pass's panels; pre-packed weights hold all of them.
            packedFirst = packFirst ? firstPanel : 0;
            panelChunks = Math.Min(end - first, ChunksPerPass);
            if (packFirst)
            {
                Parallel.For(0, panelChunks, PackPanels);
            }

            rowTiles = (m + PackedGemm<T>.MR - 1) / PackedGemm<T>.MR;
            if (SplitsByRows())
            {
                rowChunks = Math.Min(rowTiles, ChunksPerPass);
                Parallel.For(0, rowChunks, MultiplyRows);
            }
            else
            {
                Parallel.For(0, panelChunks, MultiplyPanels);
            }
        }

        /// <summary>
        /// All of y, each chunk of column panels on its own thread, which packs <paramref name="group"/> panels at a
        /// time into a buffer of its own and multiplies them at once (<see cref="PackedGemm{T}.PackAndMultiply"/>).
        /// </summary>
        public void RunStreaming(int panels, int group)
        {
            first = 0;
            end = panels;
            streamGroup = group;
            panelChunks = Math.Min(panels, ChunksPerPass);
            Parallel.For(0, panelChunks, StreamPanels);
        }

        /// <summary>
        /// Rows or column panels for this pass. Row chunks share the pass's weights, which every thread then reads
        /// in full: the cheaper split while those weights stay in the shared L3 and there are row tiles enough to
        /// balance the cores. Otherwise (a short batch, or pre-packed weights past L3 that are wider than the batch
        /// is tall) panel chunks, where each thread reads only its own panels and all of x; rows again when there are
        /// too few panels to go round.
        /// </summary>
        private bool SplitsByRows()
        {
            int cores = Environment.ProcessorCount;
            int columns = (end - first) * PackedGemm<T>.NR;
            long weightBytes = (long)k * columns * Unsafe.SizeOf<T>();
            bool rowsFit = rowTiles >= RowTilesPerCore * cores && (weightBytes <= blocking.SplitBytes || m >= columns);
            return rowsFit || (panelChunks < cores && rowTiles >= cores);
        }

        /// <summary>The start of chunk <paramref name="chunk"/> of <paramref name="count"/> items in <paramref name="chunks"/> near-equal parts.</summary>
        private static int Split(int count, int chunks, int chunk) => (int)((long)count * chunk / chunks);

        /// <summary>Panels [start, end) of chunk <paramref name="chunk"/> of this pass.</summary>
        private (int Start, int End) PanelRange(int chunk) =>
            (first + Split(end - first, panelChunks, chunk), first + Split(end - first, panelChunks, chunk + 1));

        private void PackPanels(int chunk)
        {
            var weights = new ReadOnlySpan<T>((void*)w, k * n);
            (int start, int stop) = PanelRange(chunk);
            PackedGemm<T>.PackWeights(weights, k, n, layout, packed, packedFirst, start, stop);
        }

        private void MultiplyRows(int chunk)
        {
            int mr = PackedGemm<T>.MR;
            int start = mr * Split(rowTiles, rowChunks, chunk);
            PackedGemm<T>.Multiply(blocking, X, packed, packedFirst, Y, k, n, start, Math.Min(mr * Split(rowTiles, rowChunks, chunk + 1), m), first, end);
        }

        private void StreamPanels(int chunk)
        {
            (int start, int stop) = PanelRange(chunk);
            T[] buffer = ArrayPool<T>.Shared.Rent(streamGroup * k * PackedGemm<T>.NR);
            try
            {
                var weights = new ReadOnlySpan<T>((void*)w, k * n);
                PackedGemm<T>.PackAndMultiply(blocking, X, weights, Y, m, k, n, layout, start, stop, streamGroup, buffer);
            }
            finally
            {
                ArrayPool<T>.Shared.Return(buffer);
            }
        }

        private void MultiplyPanels(int chunk)
        {
            (int start, int stop) = PanelRange(chunk);
            PackedGemm<T>.Multiply(blocking, X, packed, packedFirst, Y, k, n, 0, m, start, stop);
        }
    }
}
