namespace DenseLinear.Properties.Architecture.Planted.Layers;

/// <summary>A layer that uses the judge, as layers may.</summary>
public sealed class PlantedLayer(Accuracy.PlantedJudge judge)
{
    public object Judge { get; } = judge;
}
