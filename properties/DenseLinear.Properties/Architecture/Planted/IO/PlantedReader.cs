namespace DenseLinear.Properties.Architecture.Planted.IO;

/// <summary>A file reader that uses a layer.</summary>
public sealed class PlantedReader(Layers.PlantedLayer layer)
{
    public object Layer { get; } = layer;
}
