using DenseLinear.Initialization;

namespace DenseLinear.Properties.Mutants;

/// <summary>
/// A correct distribution fed the wrong fans: fan_in and fan_out swapped, as when the [out, in] PyTorch weight is
/// treated with Keras' [in, out] axis convention. On a non-square layer PyTorch's U(±1/√in) becomes U(±1/√out).
/// </summary>
public sealed class SwappedFansInitializer(WeightInitializer inner) : WeightInitializer
{
    public override string Name => $"Mutant.SwappedFans({inner.Name})";

    public override WeightDistribution Distribution(int fanIn, int fanOut) => inner.Distribution(fanIn, fanOut);

    public override (int FanIn, int FanOut) Fans(int rows, int columns, WeightLayout layout)
    {
        (int fanIn, int fanOut) = inner.Fans(rows, columns, layout);
        return (fanOut, fanIn);
    }
}
