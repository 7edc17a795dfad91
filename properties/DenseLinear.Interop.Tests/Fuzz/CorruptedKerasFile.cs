namespace DenseLinear.Interop.Tests.Fuzz;

/// <summary>A <see cref="Fuzz.CorruptedFile"/> of a Keras fixture (HDF5 or .keras zip), a type of its own so it has its own generator.</summary>
public sealed record CorruptedKerasFile(CorruptedFile File)
{
    public override string ToString() => File.ToString();
}
