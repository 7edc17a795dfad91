namespace DenseLinear.Layers;

/// <summary>
/// What distinguishes the two conventions in the shared forward and backward passes: the name messages start with,
/// how the weight is stored, and the smallest input rank accepted.
/// </summary>
internal sealed record LayerConvention(string Name, WeightLayout Layout, int MinimumRank)
{
    /// <summary><c>torch.nn.Linear</c>: W [out, in], input (*, in) of rank ≥ 1.</summary>
    public static LayerConvention PyTorch { get; } = new("PyTorch Linear", WeightLayout.OutIn, 1);

    /// <summary><c>keras.layers.Dense</c>: K [in, units], input of rank ≥ 2 (<c>min_ndim=2</c>).</summary>
    public static LayerConvention Keras { get; } = new("Keras Dense", WeightLayout.InOut, 2);
}
