using System.Runtime.InteropServices;

namespace DenseLinear;

/// <summary>
/// The exact widening of 16-bit weights to float that every mixed-precision kernel performs: a
/// <see cref="BFloat16"/> is the upper half of a binary32 (a 16-bit shift), and every <see cref="Half"/> value,
/// subnormals and infinities included, is a float (a NaN keeps its payload and comes out quiet). No rounding happens, so the float error bound holds
/// on the widened weights.
/// </summary>
public static class WeightWidening
{
    /// <summary>Whether <typeparamref name="TWeight"/> is a 16-bit weight type this library widens.</summary>
    public static bool IsSupported<TWeight>()
        where TWeight : unmanaged =>
        typeof(TWeight) == typeof(BFloat16) || typeof(TWeight) == typeof(Half);

    /// <summary>The float value of one weight, exactly.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TWeight"/> is neither BFloat16 nor Half.</exception>
    public static float ToSingle<TWeight>(TWeight weight)
        where TWeight : unmanaged
    {
        ThrowIfUnsupported<TWeight>();
        ushort bits = MemoryMarshal.Cast<TWeight, ushort>(MemoryMarshal.CreateReadOnlySpan(ref weight, 1))[0];
        return typeof(TWeight) == typeof(BFloat16)
            ? (float)BFloat16.FromBits(bits)
            : (float)BitConverter.UInt16BitsToHalf(bits);
    }

    /// <summary>Widens <paramref name="source"/> into the first <c>source.Length</c> elements of <paramref name="destination"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TWeight"/> is neither BFloat16 nor Half.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static void ToSingle<TWeight>(ReadOnlySpan<TWeight> source, Span<float> destination)
        where TWeight : unmanaged
    {
        ThrowIfUnsupported<TWeight>();
        if (destination.Length < source.Length)
        {
            throw new ArgumentException($"destination has {destination.Length} elements, fewer than the {source.Length} weights.", nameof(destination));
        }

        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = ToSingle(source[i]);
        }
    }

    /// <summary>Throws <see cref="NotSupportedException"/> naming the type unless it is BFloat16 or Half.</summary>
    public static void ThrowIfUnsupported<TWeight>()
        where TWeight : unmanaged
    {
        if (!IsSupported<TWeight>())
        {
            throw new NotSupportedException($"16-bit weights are BFloat16 or Half, not {typeof(TWeight).Name}.");
        }
    }
}
