namespace DenseLinear.IO;

/// <summary>The names NumPy, PyTorch and Keras give the <see cref="TensorDType"/>s, the one place they are spelled.</summary>
public static class TensorDTypeNames
{
    /// <summary><c>float32</c>, <c>float64</c>, <c>bfloat16</c> or <c>float16</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dtype"/> is not a <see cref="TensorDType"/>.</exception>
    public static string Of(TensorDType dtype) => dtype switch
    {
        TensorDType.Float32 => "float32",
        TensorDType.Float64 => "float64",
        TensorDType.BFloat16 => "bfloat16",
        TensorDType.Float16 => "float16",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Not a TensorDType."),
    };
}
