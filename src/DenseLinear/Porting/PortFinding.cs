namespace DenseLinear.Porting;

/// <summary>One porting mistake.</summary>
/// <param name="Kind">What kind of mistake.</param>
/// <param name="LayerIndex">The layer's index (in B; for <see cref="PortMistakeKind.DifferentLayerCount"/> the first layer only one side has).</param>
/// <param name="Layer">The layer as both sides name it: <c>fc2 / fc2 (layers/dense_1/vars/0)</c>.</param>
/// <param name="Message">The mistake in words, naming the layer.</param>
public sealed record PortFinding(PortMistakeKind Kind, int LayerIndex, string Layer, string Message);
