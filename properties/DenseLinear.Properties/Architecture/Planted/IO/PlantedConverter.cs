namespace DenseLinear.Properties.Architecture.Planted.IO;

/// <summary>A file writer that uses the port check: nothing in the library may.</summary>
public sealed class PlantedConverter(Porting.PlantedPortCheck check)
{
    public object Check { get; } = check;
}
