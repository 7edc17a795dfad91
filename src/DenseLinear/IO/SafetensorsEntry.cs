namespace DenseLinear.IO;

/// <summary>One validated tensor entry of a safetensors header.</summary>
/// <param name="Name">The tensor name.</param>
/// <param name="FileDType">The dtype string in the file (<c>F32</c>, <c>F64</c>, <c>F16</c>, <c>BF16</c>).</param>
/// <param name="DType">The in-memory element type.</param>
/// <param name="Shape">Non-negative dimensions.</param>
/// <param name="Begin">First byte, relative to the data buffer.</param>
/// <param name="End">One past the last byte.</param>
internal sealed record SafetensorsEntry(string Name, string FileDType, TensorDType DType, long[] Shape, long Begin, long End);
