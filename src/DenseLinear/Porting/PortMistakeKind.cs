namespace DenseLinear.Porting;

/// <summary>The kinds of porting mistake <see cref="PortCheck"/> recognises between two models' dense layers.</summary>
public enum PortMistakeKind
{
    /// <summary>
    /// A weight in the other convention's layout (a PyTorch W [out, in] stored as a Keras kernel unchanged): B's kernel
    /// K [in, out] is A's transposed and not square, so the layers' shapes do not chain; or a reader found the weight
    /// stored in the other framework's layout (<see cref="IO.StoredLayer.LayoutMismatch"/>: the bias, the Keras
    /// <c>units</c> or the chain say so), and the weights were compared in the layout they have.
    /// </summary>
    ForgottenTranspose,

    /// <summary>A square weight transposed: K_B = K_Aᵀ ≠ K_A. The shapes chain, the numbers are wrong.</summary>
    SquareWeightTransposed,

    /// <summary>A weight reshaped instead of transposed: the same values in the same flat order, the shape reversed.</summary>
    ReshapedInsteadOfTransposed,

    /// <summary>One side has a (non-zero) bias, the other none.</summary>
    MissingBias,

    /// <summary>Both sides have a bias and their values differ.</summary>
    DifferentBias,

    /// <summary>Both sides record an activation and they differ.</summary>
    DifferentActivation,

    /// <summary>Layer i of B holds the weight of layer j ≠ i of A.</summary>
    LayersOutOfOrder,

    /// <summary>The models have different numbers of dense layers.</summary>
    DifferentLayerCount,

    /// <summary>The weights differ in none of the ways above.</summary>
    DifferentWeights,

    /// <summary>The forward pass found outputs further apart than the two sides' error bounds allow.</summary>
    OutputsOutsideBound,
}
