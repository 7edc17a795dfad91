namespace DenseLinear.Specification.Cases;

/// <summary>One default-initialized layer: its sizes, which framework default, whether it has a bias, and the seed.</summary>
public sealed record InitializerCase(FrameworkInitializer Initializer, int InFeatures, int OutFeatures, bool Bias, int Seed)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Initializer} in={InFeatures} out={OutFeatures}{(Bias ? " + bias" : " (no bias)")} seed={Seed}";
}
