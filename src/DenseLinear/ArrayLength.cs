using System.Numerics;

namespace DenseLinear;

/// <summary>
/// The one place that decides whether a shape fits: every array the library sizes from a tensor shape or a matrix's
/// dimensions gets its length here, and every span length and tensor shape is checked against its limit here. An
/// array holds at most <see cref="Array.MaxLength"/> (2 147 483 591) elements, not <see cref="int.MaxValue"/>: the
/// runtime refuses the lengths between them with an <see cref="OutOfMemoryException"/>, which this turns into an
/// <see cref="ArgumentException"/> naming the shape, raised before anything is allocated or written. A span, and so a
/// kernel's x, w or y, holds at most <see cref="int.MaxValue"/>; a tensor's strides must stay below 2⁶³.
/// </summary>
internal static class ArrayLength
{
    /// <summary>
    /// The element count of <paramref name="lengths"/>, or an <see cref="ArgumentException"/> for
    /// <paramref name="parameter"/> whose message starts "<c>{what} [shape] has more elements than an array holds</c>" and gives the count.
    /// A zero length empties the shape wherever it stands, even after lengths whose product alone would not fit.
    /// </summary>
    public static int Of(ReadOnlySpan<nint> lengths, string what, string? parameter = null)
    {
        if (lengths.Contains(0))
        {
            return 0;
        }

        long count = 1;
        foreach (nint length in lengths)
        {
            if (length < 0)
            {
                throw new ArgumentException($"{what} {Format(lengths)} has a negative length.", parameter);
            }

            // count ≤ Array.MaxLength < 2³¹ and length < 2⁶³ / 2³¹ is checked first, so the product cannot wrap.
            if (length > Array.MaxLength || (count *= length) > Array.MaxLength)
            {
                throw TooLarge(lengths, what, parameter);
            }
        }

        return (int)count;
    }

    /// <summary>A length given as a count, e.g. rows × columns computed in <see cref="long"/>; see <see cref="Of(ReadOnlySpan{nint}, string, string?)"/>.</summary>
    public static int Of(long count, string what, string? parameter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count <= Array.MaxLength
            ? (int)count
            : throw new ArgumentException(Message(what, count), parameter);
    }

    /// <summary>A new zeroed array of <see cref="Of(ReadOnlySpan{nint}, string, string?)"/> elements.</summary>
    public static T[] Allocate<T>(ReadOnlySpan<nint> lengths, string what, string? parameter = null) => new T[Of(lengths, what, parameter)];

    /// <summary>Whether <paramref name="count"/> elements fit one span (at most <see cref="int.MaxValue"/>).</summary>
    public static bool FitsSpan(long count) => count <= int.MaxValue;

    /// <summary>Whether <paramref name="count"/> elements fit one array (at most <see cref="Array.MaxLength"/>).</summary>
    public static bool FitsArray(long count) => count <= Array.MaxLength;

    /// <summary>How many blocks of <paramref name="blockLength"/> elements one array holds (a length of 0 counts as 1).</summary>
    public static long BlocksPerArray(long blockLength) => Array.MaxLength / Math.Max(blockLength, 1);

    /// <summary>
    /// Throws unless a <see cref="System.Numerics.Tensors.Tensor{T}"/> can have <paramref name="lengths"/>. An empty
    /// shape fits any array, but System.Numerics.Tensors multiplies its nonzero lengths for the strides and overflows
    /// past 2⁶³, e.g. for the output [0, 2³², 2³¹, 2] of an input [0, 2³², 2³¹, 0].
    /// </summary>
    public static void ThrowIfStridesOverflow(ReadOnlySpan<nint> lengths, string what, string parameter)
    {
        long product = 1;
        foreach (nint length in lengths)
        {
            if (length != 0 && product > long.MaxValue / length)
            {
                throw new ArgumentException($"{what} {Format(lengths)} cannot be a tensor: its nonzero lengths multiply past 2⁶³.", parameter);
            }

            product *= length == 0 ? 1 : length;
        }
    }

    private static ArgumentException TooLarge(ReadOnlySpan<nint> lengths, string what, string? parameter)
    {
        BigInteger count = BigInteger.One;
        foreach (nint length in lengths)
        {
            count *= (long)length;
        }

        return new ArgumentException(Message($"{what} {Format(lengths)}", count), parameter);
    }

    private static string Message(string what, BigInteger count) =>
        $"{what} has more elements than an array holds: {count} elements, and Array.MaxLength is {Array.MaxLength}.";

    /// <summary>A shape for messages: <c>[2, 0, 7]</c>.</summary>
    public static string Format(ReadOnlySpan<nint> lengths) => "[" + string.Join(", ", lengths.ToArray()) + "]";
}
