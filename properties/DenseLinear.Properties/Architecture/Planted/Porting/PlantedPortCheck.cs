namespace DenseLinear.Properties.Architecture.Planted.Porting;

/// <summary>A port check that uses a layer, as it may.</summary>
public sealed class PlantedPortCheck(Layers.PlantedLayer layer)
{
    public object Layer { get; } = layer;
}
