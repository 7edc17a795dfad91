namespace DenseLinear.Properties.Architecture.Planted.Initialization;

/// <summary>An initializer that uses the judge.</summary>
public sealed class PlantedInitializer(Accuracy.PlantedJudge judge)
{
    public object Judge { get; } = judge;
}
