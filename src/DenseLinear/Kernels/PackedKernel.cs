using System.Buffers;
using System.Numerics;

namespace DenseLinear.Kernels;

/// <summary>
/// BLIS-style GEMM on one thread: weights packed into column panels (from either layout, so x·Wᵀ runs exactly
/// like x·K), x packed into row panels, an FMA register tile picked at run time (12 rows × two Vector512 with AVX-512,
/// 6 rows × half a panel with AVX2, scalar loops otherwise), cache blocking over MC, KC and NC
/// (<see cref="GemmBlocking{T}"/>).
/// </summary>
/// <remarks>
/// <para>Formula: <c>y[i, j] = fma(x[i, k-1], W(k-1, j), … fma(x[i, 1], W(1, j), fma(x[i, 0], W(0, j), 0)))</c>,
/// one fused multiply-add per term in increasing p. The result is therefore independent of m, n, blocking and
/// instruction set (every path makes the same chains) and equal bit for bit to that sequential chain;
/// it differs from <see cref="NaiveKernel{T}"/> only by the rounding a fused multiply-add skips.</para>
/// <para>Shapes: x [m×k], W [k×n] (InOut) or [n×k] (OutIn), y [m×n], row-major; y is overwritten, never read,
/// and nothing past m·n is touched; k = 0 gives zeros.</para>
/// <para>Memory: an unpacked call packs the weights NC columns at a time into a buffer of at most k·NC elements
/// rented from <see cref="ArrayPool{T}.Shared"/> (for one row, half of L2's worth at a time); each thread keeps one MC·KC x block. With <see cref="Pack"/>
/// the weights are packed once.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed class PackedKernel<T> : IWeightPackingKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly Lazy<PackedKernel<T>> LazyInstance = new(() => new(GemmBlocking<T>.Machine));

    /// <summary>
    /// A kernel on <paramref name="blocking"/>. Every blocking gives the same bits; it changes only the speed, so
    /// this is for tests that cross block boundaries with small products, and for experiments.
    /// </summary>
    public PackedKernel(GemmBlocking<T> blocking)
    {
        ArgumentNullException.ThrowIfNull(blocking);
        Blocking = blocking;
    }

    /// <summary>The shared instance, on the machine's blocking (<see cref="GemmBlocking{T}.Machine"/>).</summary>
    /// <exception cref="InvalidOperationException"><see cref="GemmBlocking{T}.Variable"/> is malformed.</exception>
    public static PackedKernel<T> Instance => LazyInstance.Value;

    /// <summary>The block sizes this kernel runs with.</summary>
    public GemmBlocking<T> Blocking { get; }

    /// <inheritdoc />
    public string Name => "Packed";

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout)
    {
        MatMulArguments.Validate(x, w, y, m, k, n, layout);
        PackedGemm<T>.MultiplyOnOneThread(Blocking, x, w, y, m, k, n, layout);
    }

    /// <inheritdoc />
    public PackedWeights<T> Pack(ReadOnlySpan<T> w, int k, int n, WeightLayout layout)
    {
        int length = PackedWeights<T>.ValidatePack(w, k, n, layout, PackedGemm<T>.NR);
        var panels = new T[length];
        PackedGemm<T>.PackWeights(w, k, n, layout, panels, 0, 0, PackedGemm<T>.PanelCount(n));
        return new PackedWeights<T>(panels, k, n, PackedGemm<T>.NR, layout);
    }

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m)
    {
        PackedWeights<T>.ValidateMultiply(x, w, y, m, PackedGemm<T>.NR);
        PackedGemm<T>.MultiplyPackedOnOneThread(Blocking, x, w, y, m);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
