namespace DenseLinear.Properties.Architecture.Planted;

/// <summary>A contract type that uses a kernel.</summary>
public sealed class PlantedContract(Kernels.PlantedKernel kernel)
{
    public object Kernel { get; } = kernel;
}
