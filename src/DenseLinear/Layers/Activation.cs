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
}
