namespace DenseLinear.Interop.Tests.Fuzz;

/// <summary>The two file formats under fuzz.</summary>
public enum WeightFileFormat
{
    Npy,
    Safetensors,
}
