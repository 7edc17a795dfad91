namespace DenseLinear.Properties.Mutants;

/// <summary>The deliberate bugs of <see cref="BrokenLayer{T}"/> and <see cref="BrokenLayerSpecification{T}"/>, one per layer family.</summary>
public enum LayerDefect
{
    /// <summary>The Keras layer reads its [in, units] kernel as a PyTorch [out, in] weight (family 17).</summary>
    KerasKernelNotTransposed,

    /// <summary>Conversion reshapes [out, in] to [in, out] instead of transposing (family 14).</summary>
    ConversionReshapesInsteadOfTransposing,

    /// <summary>The bias is added to the first row only (family 15).</summary>
    BiasOnFirstRowOnly,

    /// <summary>N-D input comes back flattened to (rows, out) (family 16).</summary>
    NdOutputLeftFlat,

    /// <summary>A bias longer than out is silently truncated instead of rejected (family 17).</summary>
    BiasLengthUnchecked,
}
