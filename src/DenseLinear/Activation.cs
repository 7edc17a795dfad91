namespace DenseLinear;

/// <summary>The activation a Keras <c>Dense</c> layer applies after <c>x·K + b</c>, by its Keras name.</summary>
public enum Activation
{
    /// <summary>Keras <c>activation=None</c> or <c>"linear"</c>: the identity, a(v) = v.</summary>
    Linear,

    /// <summary>Keras <c>"relu"</c>: a(v) = max(v, 0); NaN stays NaN.</summary>
    Relu,

    /// <summary>Keras <c>"sigmoid"</c>: a(v) = 1 / (1 + e⁻ᵛ).</summary>
    Sigmoid,

    /// <summary>Keras <c>"tanh"</c>: a(v) = tanh(v).</summary>
    Tanh,

    /// <summary>
    /// Keras <c>"softmax"</c> over the last axis: a(v)ⱼ = e^(vⱼ − m) / Σᵢ e^(vᵢ − m) with m = maxᵢ vᵢ, per row of
    /// <c>units</c> values (subtracting the row maximum keeps every exponential in (0, 1]).
    /// </summary>
    Softmax,

    /// <summary>
    /// Keras <c>"gelu"</c> with <c>approximate=False</c> (also PyTorch's default <c>GELU</c>): the exact erf form
    /// a(v) = ½·v·(1 + erf(v/√2)) = v·Φ(v).
    /// </summary>
    Gelu,
}
