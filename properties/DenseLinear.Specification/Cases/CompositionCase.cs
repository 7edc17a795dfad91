using System.Numerics;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification.Cases;

/// <summary>
/// Two PyTorch layers in a row, W₁ [hidden, in] and W₂ [out, hidden] with optional biases, and an input (leading..., in).
/// The Keras view of the same case uses K₁ = W₁ᵀ and K₂ = W₂ᵀ.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed record CompositionCase<T>(
    int InFeatures, int Hidden, int OutFeatures, T[] Weight1, T[]? Bias1, T[] Weight2, T[]? Bias2, int[] Leading, T[] Input)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The number of rows once the leading dimensions are flattened.</summary>
    public int Rows => Leading.Aggregate(1, (a, b) => a * b);

    /// <summary>The input shape (leading..., in).</summary>
    public nint[] InputShape => [.. Leading.Select(d => (nint)d), InFeatures];

    /// <inheritdoc />
    public override string ToString()
    {
        string shape = $"x [{string.Join(", ", InputShape)}] → W₁ [{Hidden}, {InFeatures}]{(Bias1 is null ? string.Empty : " + b₁")} → W₂ [{OutFeatures}, {Hidden}]{(Bias2 is null ? string.Empty : " + b₂")}";
        return Weight1.Length + Weight2.Length + Input.Length <= 48
            ? $"{shape} x={Matrices.Format<T>(Input)} W₁={Matrices.Format<T>(Weight1)} W₂={Matrices.Format<T>(Weight2)}"
              + (Bias1 is null ? string.Empty : " b₁=" + Matrices.Format<T>(Bias1)) + (Bias2 is null ? string.Empty : " b₂=" + Matrices.Format<T>(Bias2))
            : shape;
    }
}
