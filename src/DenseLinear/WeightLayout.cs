namespace DenseLinear;

/// <summary>How a dense layer's weight matrix is stored in memory (row-major).</summary>
public enum WeightLayout
{
    /// <summary>Keras <c>Dense.kernel</c>: <c>K</c> is [in, out] (k × n) and <c>y = x·K</c>.</summary>
    InOut,

    /// <summary>PyTorch <c>Linear.weight</c>: <c>W</c> is [out, in] (n × k) and <c>y = x·Wᵀ</c>.</summary>
    OutIn,
}
