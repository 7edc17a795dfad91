namespace DenseLinear.Properties.Architecture.Planted.Kernels;

/// <summary>A kernel that uses a layer.</summary>
public sealed class PlantedKernel(Layers.PlantedLayer layer)
{
    public object Layer { get; } = layer;
}
