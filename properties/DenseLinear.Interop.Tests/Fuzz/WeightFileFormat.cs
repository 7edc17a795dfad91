namespace DenseLinear.Interop.Tests.Fuzz;

/// <summary>The file formats under fuzz.</summary>
public enum WeightFileFormat
{
    Npy,
    Safetensors,
    PyTorch,
    Keras,
}
