namespace DenseLinear.Properties.Limits;

/// <summary>How a generated tensor's elements lie in memory.</summary>
public enum TensorStorage
{
    /// <summary>Row-major, every element in its own place.</summary>
    Dense,

    /// <summary>Every stride zero: one value repeated, any element count in no memory.</summary>
    Broadcast,

    /// <summary>Row-major with one unused element after each innermost run: a strided view.</summary>
    Padded,
}
