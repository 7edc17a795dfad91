using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace DenseLinear.IO;

/// <summary>
/// A tensor as a weight file holds it: an element type, a shape of any rank (0-d and zero-size included) and its
/// values in row-major (C) order. Immutable; the values are a private copy.
/// </summary>
/// <remarks>
/// <para>This record-like type, rather than <see cref="Tensor{T}"/>, is what the readers return: a file's element type
/// is only known once it is read, and a 0-d array or a zero-size dimension beyond <see cref="int"/> range must still
/// be representable. <see cref="ToTensor{T}"/> converts when the type is known.</para>
/// <para>The element types are <see cref="float"/>, <see cref="double"/>, <see cref="Half"/> and
/// <see cref="BFloat16"/> (<see cref="TensorDType"/>). The 16-bit types are kept as stored; <see cref="ToTensor{T}"/>
/// widens them exactly to float or double, and <see cref="ConvertTo"/> rounds float to them.</para>
/// </remarks>
public sealed class StoredTensor
{
    private readonly Array values;
    private readonly long[] shape;

    private StoredTensor(TensorDType dtype, long[] shape, Array values)
    {
        DType = dtype;
        this.shape = shape;
        this.values = values;
    }

    /// <summary>The element type.</summary>
    public TensorDType DType { get; }

    /// <summary>The dimensions, outermost first; empty for a 0-d (scalar) array.</summary>
    public ReadOnlySpan<long> Shape => shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => shape.Length;

    /// <summary>The number of elements, the product of <see cref="Shape"/> (1 for 0-d).</summary>
    public int ElementCount => values.Length;

    /// <summary>The values as raw storage (a float[], double[], <see cref="BFloat16"/>[] or <see cref="Half"/>[]); not to be mutated.</summary>
    internal Array RawValues => values;

    /// <summary>Creates a tensor from a copy of <paramref name="values"/> (row-major) with the given shape.</summary>
    /// <typeparam name="T"><see cref="float"/>, <see cref="double"/> or <see cref="Half"/> (<see cref="TensorDType.Float16"/>).</typeparam>
    /// <exception cref="ArgumentException">A dimension is negative, or the shape's product is not the number of values.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is none of those.</exception>
    public static StoredTensor Create<T>(ReadOnlySpan<T> values, params ReadOnlySpan<long> shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorDType dtype = DTypeOf<T>();
        long count = ElementCountOf(shape);
        return count == values.Length
            ? new StoredTensor(dtype, shape.ToArray(), values.ToArray())
            : throw new ArgumentException($"Shape {Format(shape)} needs {count} values, got {values.Length}.", nameof(values));
    }

    /// <summary>Creates a <see cref="TensorDType.BFloat16"/> tensor from a copy of <paramref name="values"/> (row-major) with the given shape.</summary>
    /// <exception cref="ArgumentException">A dimension is negative, or the shape's product is not the number of values.</exception>
    public static StoredTensor Create(ReadOnlySpan<BFloat16> values, params ReadOnlySpan<long> shape)
    {
        long count = ElementCountOf(shape);
        return count == values.Length
            ? new StoredTensor(TensorDType.BFloat16, shape.ToArray(), values.ToArray())
            : throw new ArgumentException($"Shape {Format(shape)} needs {count} values, got {values.Length}.", nameof(values));
    }

    /// <summary>Creates a tensor from a copy of a tensor span's values and shape.</summary>
    /// <exception cref="ArgumentException">The tensor (e.g. a zero-stride view) has more elements than an array holds.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not float, double or Half.</exception>
    public static StoredTensor FromTensor<T>(in ReadOnlyTensorSpan<T> tensor)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorDType dtype = DTypeOf<T>();
        var copy = ArrayLength.Allocate<T>(tensor.Lengths, "Tensor", nameof(tensor));
        tensor.FlattenTo(copy);
        long[] lengths = new long[tensor.Rank];
        for (int axis = 0; axis < lengths.Length; axis++)
        {
            lengths[axis] = tensor.Lengths[axis];
        }

        return new StoredTensor(dtype, lengths, copy);
    }

    /// <summary>The values in row-major order, as stored.</summary>
    /// <typeparam name="T">The element type of <see cref="DType"/>: float, double or Half.</typeparam>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the element type <see cref="DType"/>.</exception>
    public ReadOnlySpan<T> GetValues<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        values as T[] ?? throw new InvalidOperationException($"The tensor holds {DType}, not {typeof(T).Name}.");

    /// <summary>The values of a <see cref="TensorDType.BFloat16"/> tensor in row-major order, as stored.</summary>
    /// <exception cref="InvalidOperationException">The tensor holds another dtype.</exception>
    public ReadOnlySpan<BFloat16> GetBFloat16Values() =>
        values as BFloat16[] ?? throw new InvalidOperationException($"The tensor holds {DType}, not {nameof(BFloat16)}.");

    /// <summary>
    /// Copies the tensor into a new <see cref="Tensor{T}"/> of the same shape (a 0-d array becomes shape [1]): the values
    /// as stored, or a <see cref="TensorDType.BFloat16"/> or <see cref="TensorDType.Float16"/> tensor widened exactly to
    /// float or double (every 16-bit value is a float; a NaN stays a NaN of the same sign).
    /// </summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is neither the element type of <see cref="DType"/>
    /// nor, for a 16-bit tensor, float or double. Use <see cref="ConvertTo"/> to round.</exception>
    public Tensor<T> ToTensor<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] copy = values is T[] same ? (T[])same.Clone()
            : DType is TensorDType.BFloat16 or TensorDType.Float16 && typeof(T) == typeof(float) ? (T[])(Array)DTypeConversion.ToSingle(values)
            : DType is TensorDType.BFloat16 or TensorDType.Float16 && typeof(T) == typeof(double) ? (T[])(Array)DTypeConversion.ToDouble(values)
            : throw new InvalidOperationException($"The tensor holds {DType}, which does not widen exactly to {typeof(T).Name}; convert it with {nameof(ConvertTo)} first.");
        nint[] lengths = shape.Length == 0 ? [1] : Array.ConvertAll(shape, dimension => (nint)dimension);
        return Tensor.Create(copy, lengths);
    }

    /// <summary>The tensor with its values converted to <paramref name="dtype"/>; the same shape.</summary>
    /// <remarks>
    /// <para>Widening (a 16-bit type to float or double, float to double) is exact. Float to
    /// <see cref="TensorDType.BFloat16"/> rounds as <c>c10::BFloat16</c> does (<see cref="BFloat16"/>: to nearest, ties
    /// to even; any NaN to 0x7FC0; past the largest finite value to ±∞; subnormals kept); float to
    /// <see cref="TensorDType.Float16"/> rounds by IEEE 754 to nearest, ties to even (<see cref="Half"/>'s conversion: a
    /// NaN stays a quiet NaN of the same sign; overflow to ±∞; subnormals kept). Double narrows through float, as
    /// PyTorch's <c>.to()</c> does, so a double is rounded twice on its way to 16 bits. Between the 16-bit types the value
    /// widens to float, then rounds.</para>
    /// <para>Returns this tensor (immutable) when it already has <paramref name="dtype"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dtype"/> is not a <see cref="TensorDType"/>.</exception>
    public StoredTensor ConvertTo(TensorDType dtype)
    {
        if (!Enum.IsDefined(dtype))
        {
            throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Not a TensorDType.");
        }

        return dtype == DType ? this : new StoredTensor(dtype, shape, DTypeConversion.Convert(values, dtype));
    }

    /// <summary>Whether both have the same dtype, shape and bit patterns (NaN payloads and signed zeros included).</summary>
    public bool BitwiseEquals(StoredTensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return DType == other.DType && Shape.SequenceEqual(other.Shape) && Bytes(values).SequenceEqual(Bytes(other.values));
    }

    /// <summary>A matrix [r, c] transposed to [c, r], in the same dtype: bits moved, nothing computed.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not a matrix.</exception>
    public StoredTensor TransposeMatrix()
    {
        if (Rank != 2)
        {
            throw new InvalidOperationException($"Only a matrix transposes; this tensor is {this}.");
        }

        int rows = (int)shape[0], columns = (int)shape[1];
        Array transposed = values switch
        {
            float[] floats => RowMajor.Transpose(floats, rows, columns),
            double[] doubles => RowMajor.Transpose(doubles, rows, columns),
            BFloat16[] bfloats => RowMajor.Transpose(bfloats, rows, columns),
            _ => RowMajor.Transpose((Half[])values, rows, columns),
        };
        return new StoredTensor(DType, [columns, rows], transposed);
    }

    /// <inheritdoc />
    public override string ToString() => $"{DType} {Format(shape)}";

    /// <summary>Wraps already-validated storage without copying; the readers' way in.</summary>
    internal static StoredTensor Wrap(TensorDType dtype, long[] shape, Array values) => new(dtype, shape, values);

    /// <summary>The <see cref="TensorDType"/> of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not float, double or Half.</exception>
    internal static TensorDType DTypeOf<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? TensorDType.Float32
        : typeof(T) == typeof(double) ? TensorDType.Float64
        : typeof(T) == typeof(Half) ? TensorDType.Float16
        : throw new NotSupportedException($"Weight files hold float, double, Half or BFloat16, not {typeof(T).Name}.");

    internal static string Format(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    private static long ElementCountOf(ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (long dimension in shape)
        {
            if (dimension < 0)
            {
                throw new ArgumentException($"Dimension {dimension} of shape {Format(shape)} is negative.", nameof(shape));
            }

            count = dimension == 0 || count == 0 ? 0 : (count <= long.MaxValue / dimension ? count * dimension : -1);
            if (count < 0)
            {
                throw new ArgumentException($"Shape {Format(shape)} has more elements than an array holds.", nameof(shape));
            }
        }

        return count;
    }

    private static ReadOnlySpan<byte> Bytes(Array values) => values switch
    {
        float[] floats => MemoryMarshal.AsBytes<float>(floats),
        double[] doubles => MemoryMarshal.AsBytes<double>(doubles),
        BFloat16[] bfloats => MemoryMarshal.AsBytes<BFloat16>(bfloats),
        _ => MemoryMarshal.AsBytes<Half>((Half[])values),
    };
}
