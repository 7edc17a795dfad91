using System.Globalization;
using System.Runtime.InteropServices;
using DenseLinear.Accuracy;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification.Cases;

/// <summary>
/// One generated mixed-precision product: the 16-bit kernel K [k×n] and the same product in float,
/// <see cref="Wide"/>, whose K is the exact widening of these weights, so <see cref="Wide"/>'s exact reference is the
/// product's.
/// </summary>
/// <typeparam name="TWeight"><see cref="BFloat16"/> or <see cref="Half"/>.</typeparam>
public sealed record MixedPrecisionCase<TWeight>(MatMulCase<float> Wide, TWeight[] KernelInOut)
    where TWeight : unmanaged
{
    /// <summary>x [m×k].</summary>
    public float[] X => Wide.X;

    /// <summary>The 16-bit weight as the kernel takes it: K [k×n] for InOut, Kᵀ [n×k] for OutIn (a fresh array).</summary>
    public TWeight[] Weight => Wide.Layout == WeightLayout.InOut ? (TWeight[])KernelInOut.Clone() : Matrices.Transpose<TWeight>(KernelInOut, Wide.K, Wide.N);

    /// <summary>The exact reference product.</summary>
    public ExactReference<float> Reference() => Wide.Reference();

    /// <summary>The product's shapes, as in exception messages, with the weight type.</summary>
    public string Shapes => $"{Wide.Shapes} {typeof(TWeight).Name}";

    /// <summary>
    /// The case whose weights are <paramref name="wide"/>'s K rounded to <typeparamref name="TWeight"/> (to nearest,
    /// ties to even), with <paramref name="wide"/>'s K replaced by their exact widening.
    /// </summary>
    public static MixedPrecisionCase<TWeight> Narrowed(MatMulCase<float> wide)
    {
        ArgumentNullException.ThrowIfNull(wide);
        TWeight[] narrow = [.. wide.KernelInOut.Select(SixteenBitValues.Narrow<TWeight>)];
        float[] widened = new float[narrow.Length];
        WeightWidening.ToSingle<TWeight>(narrow, widened);
        return new MixedPrecisionCase<TWeight>(wide with { KernelInOut = widened }, narrow);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Wide} ({typeof(TWeight).Name} weights: 0x{string.Join(" 0x", MemoryMarshal.Cast<TWeight, ushort>(KernelInOut).ToArray().Take(64).Select(b => b.ToString("X4", CultureInfo.InvariantCulture)))})");
}
