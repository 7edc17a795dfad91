namespace DenseLinear.IO;

/// <summary>One layer of a Keras model config (<c>config.json</c> or the legacy <c>model_config</c> attribute).</summary>
/// <param name="Name">The layer's <c>name</c>.</param>
/// <param name="ClassName">Its <c>class_name</c>: <c>Dense</c>, <c>InputLayer</c>, <c>Dropout</c>, ….</param>
/// <param name="Units">A Dense layer's <c>units</c>.</param>
/// <param name="Activation">The <c>activation</c> of a Dense or Activation layer, as written (<c>relu</c>).</param>
/// <param name="UseBias">A Dense layer's <c>use_bias</c>.</param>
internal sealed record KerasLayerConfig(string Name, string ClassName, long? Units, string? Activation, bool? UseBias);
