namespace DenseLinear.Properties.Mutants;

/// <summary>The deliberate bugs of <see cref="BrokenFidelitySpecification{T}"/>, at least one per fidelity family.</summary>
public enum FidelityDefect
{
    /// <summary>The initializer reads fan_in from the fan_out axis (<see cref="SwappedFansInitializer"/>, family 18).</summary>
    SwappedFans,

    /// <summary>PyTorch's default with bound 1/in instead of 1/√in (<see cref="WrongBoundInitializer"/>, family 18).</summary>
    WrongBound,

    /// <summary>sigmoid written as (1 + tanh v)/2, forgetting the halving inside (<see cref="SigmoidViaTanhActivation"/>, family 19).</summary>
    SigmoidViaTanh,

    /// <summary>softmax as e^v / Σe^v in T, without subtracting the row maximum (<see cref="UnshiftedSoftmaxActivation"/>, family 19).</summary>
    UnshiftedSoftmax,

    /// <summary>The PyTorch dW returned in Keras' [in, out] order, reshaped to [out, in] (<see cref="WrongTransposeBackward"/>, family 20).</summary>
    WrongTransposeBackward,

    /// <summary>db summed over the last leading dimension only (<see cref="DroppedLeadingDimensionBackward"/>, family 20).</summary>
    DroppedLeadingDimension,

    /// <summary>The composed PyTorch weight multiplied in the wrong order (<see cref="WrongOrderComposition"/>, family 21).</summary>
    WrongCompositionOrder,
}
