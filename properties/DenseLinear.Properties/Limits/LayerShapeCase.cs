namespace DenseLinear.Properties.Limits;

/// <summary>
/// One layer and its arguments, all generated: the weight (W [out, in] for PyTorch, K [in, units] for Keras), the
/// bias, an input, and a tensor that serves as the destination of Forward and as the output gradient of Backward.
/// </summary>
public sealed record LayerShapeCase(bool Keras, GeneratedTensor Weight, GeneratedTensor? Bias, GeneratedTensor Input, GeneratedTensor Other)
{
    public string Convention => Keras ? "Keras Dense" : "PyTorch Linear";

    public int OutputAxis => Keras ? 1 : 0;

    public int MinimumRank => Keras ? 2 : 1;

    public override string ToString() =>
        $"{Convention}: weight {Weight}, bias {(Bias is null ? "none" : Bias.ToString())}, input {Input}, destination/dY {Other}";
}
