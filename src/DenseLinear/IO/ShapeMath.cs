namespace DenseLinear.IO;

/// <summary>Checked arithmetic on shapes read from untrusted headers.</summary>
internal static class ShapeMath
{
    /// <summary>
    /// The byte size of <paramref name="shape"/> as NumPy computes it: zero if any dimension is zero, else the
    /// product times the item size, which must not overflow. Returns <see langword="null"/> on overflow.
    /// </summary>
    public static long? ByteCount(ReadOnlySpan<long> shape, int itemSize)
    {
        long nonZeroBytes = itemSize;
        bool anyZero = false;
        foreach (long dimension in shape)
        {
            if (dimension == 0)
            {
                anyZero = true;
                continue;
            }

            if (nonZeroBytes > long.MaxValue / dimension)
            {
                return null;
            }

            nonZeroBytes *= dimension;
        }

        return anyZero ? 0 : nonZeroBytes;
    }

    /// <summary>
    /// Reorders column-major (Fortran) data of <paramref name="shape"/> (a float[], double[], <see cref="BFloat16"/>[]
    /// or <see cref="Half"/>[]) into row-major order: <c>rowMajor[c(i)] = columnMajor[f(i)]</c> for every multi-index i.
    /// </summary>
    public static Array FortranToC(Array columnMajor, ReadOnlySpan<long> shape) => Reorder(columnMajor, shape, toC: true);

    /// <summary>The inverse of <see cref="FortranToC"/>.</summary>
    public static Array CToFortran(Array rowMajor, ReadOnlySpan<long> shape) => Reorder(rowMajor, shape, toC: false);

    private static Array Reorder(Array source, ReadOnlySpan<long> shape, bool toC) => source switch
    {
        float[] floats => Reorder(floats, shape, toC),
        double[] doubles => Reorder(doubles, shape, toC),
        BFloat16[] bfloats => Reorder(bfloats, shape, toC),
        _ => Reorder((Half[])source, shape, toC),
    };

    private static T[] Reorder<T>(T[] source, ReadOnlySpan<long> shape, bool toC)
    {
        int rank = shape.Length;
        var result = new T[source.Length];
        if (source.Length == 0 || rank < 2)
        {
            source.AsSpan().CopyTo(result);
            return result;
        }

        // Walk the multi-index in row-major order, keeping the column-major offset in step.
        var fortranStrides = new long[rank];
        long stride = 1;
        for (int axis = 0; axis < rank; axis++)
        {
            fortranStrides[axis] = stride;
            stride *= shape[axis];
        }

        var index = new long[rank];
        long fortranOffset = 0;
        for (int c = 0; c < source.Length; c++)
        {
            if (toC)
            {
                result[c] = source[fortranOffset];
            }
            else
            {
                result[fortranOffset] = source[c];
            }

            for (int axis = rank - 1; axis >= 0; axis--)
            {
                index[axis]++;
                fortranOffset += fortranStrides[axis];
                if (index[axis] < shape[axis])
                {
                    break;
                }

                fortranOffset -= index[axis] * fortranStrides[axis];
                index[axis] = 0;
            }
        }

        return result;
    }
}
