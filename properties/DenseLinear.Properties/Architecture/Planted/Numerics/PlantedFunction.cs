namespace DenseLinear.Properties.Architecture.Planted.Numerics;

/// <summary>A numeric function that uses the contract.</summary>
public sealed class PlantedFunction(PlantedContract contract)
{
    public object Contract { get; } = contract;
}
