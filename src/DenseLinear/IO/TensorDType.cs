namespace DenseLinear.IO;

/// <summary>The element type of a <see cref="StoredTensor"/> in memory.</summary>
/// <remarks>
/// File dtypes map onto these: NumPy <c>&lt;f4</c>/<c>&gt;f4</c> and safetensors <c>F32</c> (also <c>F16</c> and
/// <c>BF16</c>, widened exactly) to <see cref="Float32"/>; NumPy <c>&lt;f8</c>/<c>&gt;f8</c> and safetensors <c>F64</c>
/// to <see cref="Float64"/>.
/// </remarks>
public enum TensorDType
{
    /// <summary>IEEE 754 binary32, <see cref="float"/>.</summary>
    Float32,

    /// <summary>IEEE 754 binary64, <see cref="double"/>.</summary>
    Float64,
}
