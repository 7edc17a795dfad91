using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DenseLinear.Kernels;

/// <summary>
/// The blocking of <see cref="PackedKernel{T}"/> and <see cref="ParallelKernel{T}"/>: the register tile MR×NR, the
/// KC values of p per block, MC rows of x and NC columns of W per block, and the weight size up to which two threads
/// split a product by rows. Chosen once per process from the micro-kernel path and the caches
/// (<see cref="Machine"/>); a kernel built on another blocking gives the same bits, since blocking never changes an
/// output's chain of fused multiply-adds.
/// </summary>
/// <remarks>
/// <para>From the caches of one core (<see cref="CacheHierarchy"/>), for element size s:</para>
/// <list type="bullet">
/// <item>KC = L2 / (4·NR·s), between 256 and 1024, a multiple of 64: the weight micro-panel, KC·NR·s, takes at most a
/// quarter of L2 and streams from there. Every KC block reloads each y tile to continue its chains, a latency the tile's
/// KC·MR·NR/lanes FMAs must hide, so long blocks are worth an L2 stream rather than an L1-sized panel; past 1024
/// the reloads no longer show.</item>
/// <item>MC = 9/32 of L2 / (KC·s), whole MR tiles: the packed x block sits in L2 beside the weight micro-panel and
/// the y tiles.</item>
/// <item>NC = the smaller of 3/32 of L3 and 3·L2 (3·L2 without an L3), / (KC·s), whole NR panels: the packed
/// weight block stays in the shared cache, a small share of what other cores also use.</item>
/// <item>A call that packs its own weights for one row uses each packed panel once: it packs half of L2's worth of
/// panels at a time and multiplies them at once, so they are read back from L2. Taller products pack NC columns at
/// a time, which every block of x then reuses; in groups that small they would pack their x block again for every
/// group.</item>
/// <item>Two threads split rows while a pass's weights fit the smaller of half of L3 and 16·L2 (L2 without an L3),
/// which both threads then read from the shared cache; past that, or for short batches, each thread takes its own
/// column panels. The L2 caps matter where a hypervisor reports the L3 of a whole socket, or of several.</item>
/// <item>A product with k ≤ KC whose weights fit half of L2 reads x where it lies rather than packing it, where the
/// path has such tiles (<see cref="InPlaceBytes"/>): its weights stay in L2 for every row tile, so packing x and a
/// K's panels would only add copies. Weights in K [k×n] are then read in place too.</item>
/// </list>
/// <para><see cref="Variable"/> overrides any of KC, MC, NC, the split, the two-thread work and the in-place weight
/// bytes for experiments, e.g. <c>DENSELINEAR_BLOCKING="kc=256,mc=24,nc=64,split=1048576,work=4096,inplace=0"</c>.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed record GemmBlocking<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The environment variable that overrides the machine's blocking: <c>kc=…,mc=…,nc=…,split=…,work=…,inplace=…</c>, any subset.</summary>
    public const string Variable = "DENSELINEAR_BLOCKING";

    /// <summary>The largest x block MC·KC a blocking may ask each thread to hold, in elements (256 MiB of float).</summary>
    public const long MaxXBlock = 1L << 26;

    private static readonly Lazy<GemmBlocking<T>> LazyMachine = new(() => ForCaches(CacheHierarchy.Machine).Overridden(Environment.GetEnvironmentVariable(Variable)));

    private GemmBlocking(int kc, int mc, int nc, long splitBytes, long parallelWork, long streamBytes, string source)
    {
        StreamBytes = streamBytes;
        InPlaceBytes = streamBytes;
        KC = kc;
        MC = mc;
        NC = nc;
        SplitBytes = splitBytes;
        ParallelWork = parallelWork;
        Source = source;
    }

    /// <summary>The blocking for this process: from its caches and micro-kernel path, then <see cref="Variable"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Variable"/> is malformed; the message says how.</exception>
    public static GemmBlocking<T> Machine => LazyMachine.Value;

    /// <summary>The micro-kernel path this process runs: <c>Vector512</c>, <c>Vector256</c> or <c>Scalar</c>.</summary>
    public static string Path => MicroKernels<T>.Path.ToString();

    /// <summary>Rows of the register tile, fixed by the path: 12 with AVX-512, 6 otherwise.</summary>
    public int MR => MicroKernels<T>.MR;

    /// <summary>Columns of the register tile and of a packed weight panel: two Vector512 of T on every path.</summary>
    public int NR => MicroKernels<T>.NR;

    /// <summary>Values of p per block.</summary>
    public int KC { get; }

    /// <summary>Rows of x packed per block, a multiple of <see cref="MR"/>.</summary>
    public int MC { get; }

    /// <summary>Columns of W per block, a multiple of <see cref="NR"/>.</summary>
    public int NC { get; }

    /// <summary>The weight bytes of a pass up to which two threads split its rows rather than its column panels.</summary>
    public long SplitBytes { get; }

    /// <summary>
    /// The multiply-adds (m·k·n) from which <see cref="ParallelKernel{T}"/> uses a second thread; below, waking and
    /// joining a pool thread costs about what it saves. <see cref="ParallelKernel{T}.ParallelThreshold"/> by default.
    /// </summary>
    public long ParallelWork { get; }

    /// <summary>
    /// The packed weights a one-row call that packs its own keeps at a time: half of L2, so a group of panels is
    /// packed and read back from L2 instead of memory.
    /// </summary>
    public long StreamBytes { get; }

    /// <summary>
    /// The weight bytes, k·n·s, up to which a product with k ≤ <see cref="KC"/> reads x (and a K [k×n]) in place
    /// instead of packing them: half of L2; 0 packs always. Only paths with in-place tiles use it.
    /// </summary>
    public long InPlaceBytes { get; init; }

    /// <summary>What the blocking was derived from: the caches, and the override when one applied.</summary>
    public string Source { get; private init; }

    /// <summary>Column panels per block: <see cref="NC"/> / <see cref="NR"/>.</summary>
    public int NCPanels => NC / NR;

    /// <summary>The blocking <see cref="GemmBlocking{T}"/>'s rules give for <paramref name="caches"/> on this process's path.</summary>
    public static GemmBlocking<T> ForCaches(CacheHierarchy caches)
    {
        ArgumentNullException.ThrowIfNull(caches);
        int size = Unsafe.SizeOf<T>(), mr = MicroKernels<T>.MR, nr = MicroKernels<T>.NR;
        int kc = (int)Math.Clamp(caches.L2 / (4L * nr * size), 256, 1024) / 64 * 64;
        long xBlock = caches.L2 * 9 / 32;
        long weightBlock = caches.L3 > 0 ? Math.Min(caches.L3 * 3 / 32, 3 * caches.L2) : 3 * caches.L2;
        int mc = (int)Math.Clamp(xBlock / ((long)kc * size) / mr, 1, 4096) * mr;
        int nc = (int)Math.Clamp(weightBlock / ((long)kc * size) / nr, 1, 4096) * nr;
        long split = caches.L3 > 0 ? Math.Min(caches.L3 / 2, 16 * caches.L2) : caches.L2;
        return new GemmBlocking<T>(kc, mc, nc, split, ParallelKernel<T>.ParallelThreshold, caches.L2 / 2, caches.ToString());
    }

    /// <summary>
    /// This blocking with other block sizes: for tests that make small products cross every block boundary, and for
    /// experiments. The tile stays the path's.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A size is not positive, MC or NC is not a multiple of MR or NR, or the x block MC·KC, which each thread
    /// allocates, passes <see cref="MaxXBlock"/> elements.
    /// </exception>
    public GemmBlocking<T> WithBlocks(int kc, int mc, int nc, long splitBytes, long parallelWork)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kc);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(splitBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelWork);
        if (mc <= 0 || mc % MR != 0 || mc > 4096 * MR)
        {
            throw new ArgumentOutOfRangeException(nameof(mc), mc, $"MC must be a positive multiple of MR = {MR}, at most {4096 * MR}.");
        }

        if (nc <= 0 || nc % NR != 0 || nc > 4096 * NR)
        {
            throw new ArgumentOutOfRangeException(nameof(nc), nc, $"NC must be a positive multiple of NR = {NR}, at most {4096 * NR}.");
        }

        if ((long)mc * kc > MaxXBlock)
        {
            throw new ArgumentOutOfRangeException(nameof(kc), kc, $"The x block MC·KC = {mc}·{kc} exceeds {MaxXBlock} elements.");
        }

        return new GemmBlocking<T>(kc, mc, nc, splitBytes, parallelWork, StreamBytes, Source) { InPlaceBytes = InPlaceBytes };
    }

    /// <summary><c>Vector512 tile 12×32, KC 1024, MC 72, NC 768, row split up to 16 MiB of weights; from L1d 48 KiB, …</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path} tile {MR}×{NR}, KC {KC}, MC {MC}, NC {NC}, two threads from {ParallelWork} multiply-adds, split by rows up to {SplitBytes >> 10} KiB of weights, x in place up to {InPlaceBytes >> 10} KiB; from {Source}");

    /// <summary>Applies a <see cref="Variable"/> value (null or empty: none).</summary>
    internal GemmBlocking<T> Overridden(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return this;
        }

        int kc = KC, mc = MC, nc = NC;
        long split = SplitBytes, work = ParallelWork, inPlace = InPlaceBytes;
        foreach (string part in setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > int.MaxValue)
            {
                throw new InvalidOperationException($"{Variable}: '{part}' is not name=value with a whole number up to {int.MaxValue}; expected e.g. kc=256,mc=24,nc=64,split=1048576.");
            }

            switch (pair[0])
            {
                case "kc": kc = (int)value; break;
                case "mc": mc = (int)value; break;
                case "nc": nc = (int)value; break;
                case "split": split = value; break;
                case "work": work = value; break;
                case "inplace": inPlace = value; break;
                default: throw new InvalidOperationException($"{Variable}: unknown name '{pair[0]}'; the names are kc, mc, nc, split, work and inplace.");
            }
        }

        try
        {
            return WithBlocks(kc, mc, nc, split, work) with { InPlaceBytes = inPlace, Source = $"{Source}, overridden by {Variable}={setting}" };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidOperationException($"{Variable}={setting}: {e.Message}", e);
        }
    }
}
