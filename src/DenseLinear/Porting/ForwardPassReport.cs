namespace DenseLinear.Porting;

/// <summary>The forward pass of <see cref="PortCheck"/>: the inputs, the precision, and each layer's figures.</summary>
/// <param name="Precision"><c>float32</c> or <c>float64</c>: the precision both sides were computed in.</param>
/// <param name="Batch">The number of input rows.</param>
/// <param name="Input">Where the inputs came from: a label, or <c>generated (seed S, uniform in [-1, 1])</c>.</param>
/// <param name="Layers">Each layer pair the pass reached, in order.</param>
public sealed record ForwardPassReport(string Precision, int Batch, string Input, IReadOnlyList<ForwardLayerResult> Layers)
{
    /// <summary>Whether every layer ran and stayed within its bound.</summary>
    public bool Passed => Layers.Count > 0 && Layers.All(layer => layer.Passed);
}
