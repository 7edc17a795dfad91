using System.Numerics;
using DenseLinear.IO;

namespace DenseLinear.Layers;

/// <summary>The checks of a layer built on a 16-bit weight, before anything is packed.</summary>
internal static class SixteenBitWeights
{
    /// <summary>
    /// Checks that T is float, <paramref name="matrix"/> a bfloat16 or float16 matrix with dimensions that fit, and
    /// <paramref name="bias"/> null or [units] in float32 or 16 bits; returns the matrix's dimensions (rows, columns)
    /// and the bias widened exactly.
    /// </summary>
    public static (int Rows, int Columns, T[]? Bias) Check<T>(StoredTensor matrix, StoredTensor? bias, string name, string convention, int outputAxis)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (typeof(T) != typeof(float))
        {
            throw new NotSupportedException($"{convention}: a layer keeps 16-bit weights only in float, whose kernel accumulates them; a {typeof(T).Name} layer takes them widened (StoredTensor.ToTensor<{typeof(T).Name}>()).");
        }

        if (matrix.DType is not (TensorDType.BFloat16 or TensorDType.Float16))
        {
            throw new ArgumentException($"{convention}: {name} is {matrix.DType}; a 16-bit layer takes {TensorDType.BFloat16} or {TensorDType.Float16}.", name);
        }

        if (matrix.Rank != 2 || !ArrayLength.FitsSpan(matrix.Shape[0]) || !ArrayLength.FitsSpan(matrix.Shape[1]))
        {
            throw new ArgumentException($"{convention}: {name} must be a matrix, got {matrix}.", name);
        }

        long units = matrix.Shape[outputAxis];
        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != units || bias.DType == TensorDType.Float64))
        {
            throw new ArgumentException($"{convention}: the bias must be [{units}] in float32 or 16 bits to match {name} {StoredTensor.Format(matrix.Shape)}, got {bias}.", nameof(bias));
        }

        T[]? biasValues = null;
        if (bias is not null)
        {
            biasValues = new T[bias.ElementCount];
            bias.ToTensor<T>().FlattenTo(biasValues);
        }

        return ((int)matrix.Shape[0], (int)matrix.Shape[1], biasValues);
    }
}
