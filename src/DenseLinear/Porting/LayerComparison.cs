using DenseLinear.IO;

namespace DenseLinear.Porting;

/// <summary>One pair of layers (the same index in A and B) compared as stored: weights as kernels K [in, out], bias, activation.</summary>
/// <param name="Index">The layer's index in both models.</param>
/// <param name="NameA">The layer's name in A.</param>
/// <param name="NameB">The layer's name in B.</param>
/// <param name="WeightPathA">Where A stores the weight (<c>fc1.weight</c>).</param>
/// <param name="WeightPathB">Where B stores it (<c>layers/dense/vars/0</c>).</param>
/// <param name="KernelShapeA">A's weight as a kernel K [in, out], read in the layout it has (see <see cref="LayoutMismatchA"/>).</param>
/// <param name="KernelShapeB">B's weight as a kernel K [in, out], read in the layout it has (see <see cref="LayoutMismatchB"/>).</param>
/// <param name="WeightDTypeA">A's weight's stored dtype.</param>
/// <param name="WeightDTypeB">B's weight's stored dtype.</param>
/// <param name="Weights">Whether K_B is K_A, K_Aᵀ or neither.</param>
/// <param name="Bias">How the biases compare.</param>
/// <param name="ActivationA">A's activation, or <see langword="null"/> when A's file does not record it.</param>
/// <param name="ActivationB">B's activation, or <see langword="null"/> when B's file does not record it.</param>
public sealed record LayerComparison(
    int Index,
    string NameA,
    string NameB,
    string WeightPathA,
    string WeightPathB,
    IReadOnlyList<long> KernelShapeA,
    IReadOnlyList<long> KernelShapeB,
    TensorDType WeightDTypeA,
    TensorDType WeightDTypeB,
    WeightMatch Weights,
    BiasMatch Bias,
    Activation? ActivationA,
    Activation? ActivationB)
{
    /// <summary>Why A's reader found A's weight in the other framework's layout (<see cref="StoredLayer.LayoutMismatch"/>), or <see langword="null"/>.</summary>
    public string? LayoutMismatchA { get; init; }

    /// <summary>Why B's reader found B's weight in the other framework's layout (<see cref="StoredLayer.LayoutMismatch"/>), or <see langword="null"/>.</summary>
    public string? LayoutMismatchB { get; init; }
}
