using DenseLinear.Initialization;

namespace DenseLinear.Properties.Mutants;

/// <summary>PyTorch's default with the square root forgotten: U(±1/in) instead of U(±1/√in). Inside the true bound, too narrow.</summary>
public sealed class WrongBoundInitializer : WeightInitializer
{
    public override string Name => "Mutant.WrongBound";

    public override WeightDistribution Distribution(int fanIn, int fanOut) => WeightDistribution.Uniform(fanIn == 0 ? 0 : 1.0 / fanIn);
}
