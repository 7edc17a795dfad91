using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear.IO;

/// <summary>
/// A tensor as a weight file holds it: an element type, a shape of any rank (0-d and zero-size included) and its
/// values in row-major (C) order. Immutable; the values are a private copy.
/// </summary>
/// <remarks>
/// This record-like type, rather than <see cref="Tensor{T}"/>, is what the readers return: a file's element type is
/// only known once it is read, and a 0-d array or a zero-size dimension beyond <see cref="int"/> range must still be
/// representable. <see cref="ToTensor{T}"/> converts when the type is known.
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

    /// <summary>The values as raw storage (a <see cref="float"/>[] or <see cref="double"/>[]); not to be mutated.</summary>
    internal Array RawValues => values;

    /// <summary>Creates a tensor from a copy of <paramref name="values"/> (row-major) with the given shape.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <exception cref="ArgumentException">A dimension is negative, or the shape's product is not the number of values.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static StoredTensor Create<T>(ReadOnlySpan<T> values, params ReadOnlySpan<long> shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorDType dtype = DTypeOf<T>();
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

        if (count != values.Length)
        {
            throw new ArgumentException($"Shape {Format(shape)} needs {count} values, got {values.Length}.", nameof(values));
        }

        return new StoredTensor(dtype, shape.ToArray(), values.ToArray());
    }

    /// <summary>Creates a tensor from a copy of a tensor span's values and shape.</summary>
    /// <exception cref="ArgumentException">The tensor (e.g. a zero-stride view) has more elements than an array holds.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static StoredTensor FromTensor<T>(in ReadOnlyTensorSpan<T> tensor)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var copy = ArrayLength.Allocate<T>(tensor.Lengths, "Tensor", nameof(tensor));
        tensor.FlattenTo(copy);
        long[] lengths = new long[tensor.Rank];
        for (int axis = 0; axis < lengths.Length; axis++)
        {
            lengths[axis] = tensor.Lengths[axis];
        }

        return new StoredTensor(DTypeOf<T>(), lengths, copy);
    }

    /// <summary>The values in row-major order.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the element type <see cref="DType"/>.</exception>
    public ReadOnlySpan<T> GetValues<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        values as T[] ?? throw new InvalidOperationException($"The tensor holds {DType}, not {typeof(T).Name}.");

    /// <summary>Copies the tensor into a new <see cref="Tensor{T}"/> of the same shape (a 0-d array becomes shape [1]).</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the element type <see cref="DType"/>.</exception>
    public Tensor<T> ToTensor<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] copy = GetValues<T>().ToArray();
        nint[] lengths = shape.Length == 0 ? [1] : Array.ConvertAll(shape, dimension => (nint)dimension);
        return Tensor.Create(copy, lengths);
    }

    /// <summary>Whether both have the same dtype, shape and bit patterns (NaN payloads and signed zeros included).</summary>
    public bool BitwiseEquals(StoredTensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (DType != other.DType || !Shape.SequenceEqual(other.Shape))
        {
            return false;
        }

        return DType == TensorDType.Float32
            ? System.Runtime.InteropServices.MemoryMarshal.AsBytes(GetValues<float>()).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(other.GetValues<float>()))
            : System.Runtime.InteropServices.MemoryMarshal.AsBytes(GetValues<double>()).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(other.GetValues<double>()));
    }

    /// <inheritdoc />
    public override string ToString() => $"{DType} {Format(shape)}";

    /// <summary>Wraps already-validated storage without copying; the readers' way in.</summary>
    internal static StoredTensor Wrap(TensorDType dtype, long[] shape, Array values) => new(dtype, shape, values);

    /// <summary>The <see cref="TensorDType"/> of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    internal static TensorDType DTypeOf<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? TensorDType.Float32
        : typeof(T) == typeof(double) ? TensorDType.Float64
        : throw new NotSupportedException($"Weight files hold float or double, not {typeof(T).Name}.");

    internal static string Format(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";
}
