namespace DenseLinear.IO;

/// <summary>One validated tensor entry of a safetensors header.</summary>
/// <param name="Name">The tensor name.</param>
/// <param name="DType">The element type the header names (<c>F32</c>, <c>F64</c>, <c>BF16</c>, <c>F16</c>).</param>
/// <param name="Shape">Non-negative dimensions.</param>
/// <param name="Begin">First byte, relative to the data buffer.</param>
/// <param name="End">One past the last byte.</param>
internal sealed record SafetensorsEntry(string Name, TensorDType DType, long[] Shape, long Begin, long End);
