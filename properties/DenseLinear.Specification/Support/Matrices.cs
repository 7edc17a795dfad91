using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear.Specification.Support;

/// <summary>Small matrix utilities the properties share: transpose, comparisons, formatting.</summary>
public static class Matrices
{
    /// <summary>The transpose of a row-major [rows×columns] matrix.</summary>
    public static T[] Transpose<T>(ReadOnlySpan<T> matrix, int rows, int columns)
    {
        var result = new T[matrix.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                result[(j * rows) + i] = matrix[(i * columns) + j];
            }
        }

        return result;
    }

    /// <summary>
    /// Bitwise equality, except that +0 and −0 are equal: the sign of an exact zero sum depends on how the
    /// accumulator starts (+0 + −0 = +0), which no identity here is about.
    /// </summary>
    public static bool SameValue<T>(T a, T b)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (T.IsZero(a) && T.IsZero(b)) || BitEqual(a, b);

    /// <summary>Bitwise equality of two values (NaN payloads and zero signs included).</summary>
    public static bool BitEqual<T>(T a, T b)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in a))
            .SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in b)));

    /// <summary>The first index where <see cref="SameValue{T}"/> fails, or -1.</summary>
    public static int FirstDifference<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (expected.Length != actual.Length)
        {
            return Math.Min(expected.Length, actual.Length);
        }

        for (int i = 0; i < expected.Length; i++)
        {
            if (!SameValue(expected[i], actual[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Formats values round-trippably, e.g. <c>[1, -0.5, 3.25]</c>.</summary>
    public static string Format<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var parts = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            parts[i] = values[i].ToString("R", CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", parts) + "]";
    }

    /// <summary>Formats one value round-trippably.</summary>
    public static string Format<T>(T value)
        where T : unmanaged, IFloatingPointIeee754<T> => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The elements of a tensor in row-major order, in a new array.</summary>
    public static T[] Values<T>(in ReadOnlyTensorSpan<T> tensor)
    {
        var values = new T[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }

    /// <summary>A tensor of its own with the lengths and values of <paramref name="tensor"/>.</summary>
    public static Tensor<T> Copy<T>(in ReadOnlyTensorSpan<T> tensor) => Tensor.Create(Values(tensor), tensor.Lengths);

    /// <summary>The elements of a tensor in row-major order, in a new array.</summary>
    public static T[] Values<T>(Tensor<T> tensor) => Values(tensor.AsReadOnlyTensorSpan());

    /// <summary>A tensor of its own with the lengths and values of <paramref name="tensor"/>.</summary>
    public static Tensor<T> Copy<T>(Tensor<T> tensor) => Copy(tensor.AsReadOnlyTensorSpan());
}
