namespace DenseLinear.Porting;

/// <summary>
/// One layer of the forward pass: both sides computed on the same input (A's previous output), and the worst element
/// of |yA − yB| / (boundA + boundB) before the activation, and of the activations' difference over their allowance.
/// </summary>
/// <param name="Index">The layer's index.</param>
/// <param name="Layer">The layer as both sides name it.</param>
/// <param name="Ran">Whether both sides could run on the shared input.</param>
/// <param name="Reason">Why not, naming the shapes; <see langword="null"/> when it ran.</param>
/// <param name="Terms">The number of rounded terms per output, k + 1 with a bias (the larger of the two sides).</param>
/// <param name="WorstRatio">The largest |yA − yB| / (boundA + boundB) of the pre-activations; above 1 is a different function.</param>
/// <param name="WorstRow">The row (input) of that element.</param>
/// <param name="WorstColumn">The column (output feature) of that element.</param>
/// <param name="WorstA">yA there.</param>
/// <param name="WorstB">yB there.</param>
/// <param name="WorstBound">boundA + boundB there.</param>
/// <param name="ActivationA">The activation applied on A's side (recorded, or assumed from B).</param>
/// <param name="ActivationB">The activation applied on B's side.</param>
/// <param name="WorstActivationRatio">The largest |a(yA) − a(yB)| over its allowance (the activation's Lipschitz constant times the bounds, plus its rounding).</param>
public sealed record ForwardLayerResult(
    int Index,
    string Layer,
    bool Ran,
    string? Reason,
    int Terms,
    double WorstRatio,
    int WorstRow,
    int WorstColumn,
    double WorstA,
    double WorstB,
    double WorstBound,
    Activation ActivationA,
    Activation ActivationB,
    double WorstActivationRatio)
{
    /// <summary>Whether the layer ran and both ratios are at most 1.</summary>
    public bool Passed => Ran && WorstRatio <= 1 && WorstActivationRatio <= 1;
}
