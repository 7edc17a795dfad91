namespace DenseLinear.IO;

/// <summary>The three keys of a <c>.npy</c> header dict, validated.</summary>
/// <param name="DType">The element type named by <c>descr</c>.</param>
/// <param name="BigEndian">Whether <c>descr</c> starts with <c>&gt;</c>.</param>
/// <param name="FortranOrder">The value of <c>fortran_order</c>: data column-major when true.</param>
/// <param name="Shape">The value of <c>shape</c>: non-negative dimensions.</param>
internal sealed record NpyHeader(TensorDType DType, bool BigEndian, bool FortranOrder, long[] Shape);
