namespace DenseLinear.IO;

/// <summary>A layer of a model file that is not a dense layer and leaves the function unchanged at inference, listed so a reader of the report sees it.</summary>
/// <param name="Name">The layer's name (<c>dropout</c>, <c>input_layer</c>).</param>
/// <param name="ClassName">Its class (<c>Dropout</c>, <c>InputLayer</c>, <c>Activation</c>).</param>
/// <param name="Treatment">What the reader did with it, in words: "identity at inference", "folded into dense_1's activation".</param>
public sealed record NonDenseLayer(string Name, string ClassName, string Treatment);
