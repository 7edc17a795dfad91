namespace DenseLinear.Properties.Architecture.Planted.Accuracy;

/// <summary>A judge that uses a layer: the Layers ↔ Accuracy cycle.</summary>
public sealed class PlantedJudge(Layers.PlantedLayer layer)
{
    public object Layer { get; } = layer;
}
