namespace DenseLinear.IO;

/// <summary>The element type of a <see cref="StoredTensor"/> in memory, as the file stores it.</summary>
/// <remarks>
/// File dtypes map onto these: NumPy <c>&lt;f4</c>/<c>&gt;f4</c>, safetensors <c>F32</c> and <c>torch.FloatStorage</c> to
/// <see cref="Float32"/>; <c>&lt;f8</c>/<c>&gt;f8</c>, <c>F64</c> and <c>torch.DoubleStorage</c> to <see cref="Float64"/>;
/// safetensors <c>BF16</c> and <c>torch.BFloat16Storage</c> to <see cref="BFloat16"/> (NumPy has no bfloat16);
/// <c>&lt;f2</c>/<c>&gt;f2</c>, <c>F16</c> and <c>torch.HalfStorage</c> to <see cref="Float16"/>. The 16-bit types are kept
/// as stored, so a file written back has the dtype and bits it was read with.
/// </remarks>
public enum TensorDType
{
    /// <summary>IEEE 754 binary32, <see cref="float"/>.</summary>
    Float32,

    /// <summary>IEEE 754 binary64, <see cref="double"/>.</summary>
    Float64,

    /// <summary>bfloat16, the upper half of a binary32, <see cref="DenseLinear.BFloat16"/>.</summary>
    BFloat16,

    /// <summary>IEEE 754 binary16, <see cref="System.Half"/>.</summary>
    Float16,
}
