using DenseLinear.IO;

namespace DenseLinear.Porting;

/// <summary>A layer's weight as a kernel K [in, out] (a PyTorch W transposed), widened exactly to double, row-major.</summary>
internal sealed class CanonicalKernel
{
    private CanonicalKernel(int rows, int columns, double[] values)
    {
        Rows = rows;
        Columns = columns;
        Values = values;
    }

    /// <summary>in: the number of rows of K.</summary>
    public int Rows { get; }

    /// <summary>out: the number of columns of K.</summary>
    public int Columns { get; }

    /// <summary>The values, row-major, widened to double.</summary>
    public double[] Values { get; }

    /// <summary>[rows, columns].</summary>
    public long[] Shape => [Rows, Columns];

    /// <summary>Whether the kernel is square.</summary>
    public bool IsSquare => Rows == Columns;

    public static CanonicalKernel Of(StoredLayer layer)
    {
        StoredTensor kernel = layer.Layout == WeightLayout.InOut ? layer.Weight : layer.Weight.TransposeMatrix();
        return new CanonicalKernel(checked((int)kernel.Shape[0]), checked((int)kernel.Shape[1]), Widen(kernel));
    }

    /// <summary>The values of any stored tensor widened exactly to double.</summary>
    public static double[] Widen(StoredTensor tensor) => tensor.ConvertTo(TensorDType.Float64).GetValues<double>().ToArray();

    /// <summary>Whether two value arrays hold the same doubles bit for bit (so −0 ≠ +0 and a NaN equals its own bits).</summary>
    public static bool SameBits(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>K_this = K_other: the same shape and bits.</summary>
    public bool SameAs(CanonicalKernel other) => Rows == other.Rows && Columns == other.Columns && SameBits(Values, other.Values);

    /// <summary>K_this = K_otherᵀ.</summary>
    public bool IsTransposeOf(CanonicalKernel other) =>
        Rows == other.Columns && Columns == other.Rows && SameBits(Values, other.Transposed().Values);

    /// <summary>The kernel transposed.</summary>
    public CanonicalKernel Transposed() => new(Columns, Rows, RowMajor.Transpose(Values, Rows, Columns));
}
