namespace DenseLinear.Interop.Tests.Fuzz;

/// <summary>A <see cref="Fuzz.CorruptedFile"/> of a <c>.pt</c> checkpoint, a type of its own so it has its own generator.</summary>
public sealed record CorruptedPyTorchFile(CorruptedFile File)
{
    public override string ToString() => File.ToString();
}
