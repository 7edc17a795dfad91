namespace DenseLinear.IO;

/// <summary>A dense layer as a reader found it, before <see cref="LayoutEvidence"/> decides how its weight is laid out.</summary>
/// <param name="Name">The layer's name in its file.</param>
/// <param name="Weight">The weight as stored.</param>
/// <param name="Bias">The bias, or <see langword="null"/>.</param>
/// <param name="Activation">The activation, or <see langword="null"/> when the file does not record it.</param>
/// <param name="WeightPath">Where the weight is in the file.</param>
/// <param name="BiasPath">Where the bias is, or <see langword="null"/>.</param>
/// <param name="Units">A Keras config's <c>units</c>, or <see langword="null"/> without a config.</param>
internal sealed record DenseLayerEntry(string Name, StoredTensor Weight, StoredTensor? Bias, Activation? Activation, string WeightPath, string? BiasPath, long? Units);
