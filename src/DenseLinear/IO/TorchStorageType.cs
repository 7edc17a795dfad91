namespace DenseLinear.IO;

/// <summary>The storage element types the <c>.pt</c> reader decodes, and the <see cref="TensorDType"/> each becomes.</summary>
internal enum TorchStorageType
{
    /// <summary><c>torch.FloatStorage</c>, binary32.</summary>
    Float,

    /// <summary><c>torch.DoubleStorage</c>, binary64.</summary>
    Double,

    /// <summary><c>torch.HalfStorage</c>, binary16, widened exactly to float.</summary>
    Half,

    /// <summary><c>torch.BFloat16Storage</c>, the upper half of a binary32, widened exactly to float.</summary>
    BFloat16,
}
