namespace DenseLinear.Porting;

/// <summary>How two layers' weights compare once both are kernels K [in, out] (a PyTorch W transposed).</summary>
public enum WeightMatch
{
    /// <summary>K_B = K_A: the same shape and the same values.</summary>
    Direct,

    /// <summary>K_B = K_Aᵀ (and K_B ≠ K_A).</summary>
    Transposed,

    /// <summary>Neither.</summary>
    Neither,
}
