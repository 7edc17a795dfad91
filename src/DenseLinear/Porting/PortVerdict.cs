namespace DenseLinear.Porting;

/// <summary>Whether two models compute the same function.</summary>
public enum PortVerdict
{
    /// <summary>The same function: every layer's weights, bias and activation agree, and the forward pass stays within the bound.</summary>
    Same,

    /// <summary>A different function: at least one finding.</summary>
    Different,
}
