namespace DenseLinear.Porting;

/// <summary>How two layers' biases compare, values widened to double.</summary>
public enum BiasMatch
{
    /// <summary>Both have a bias with the same values.</summary>
    Same,

    /// <summary>Neither has a bias.</summary>
    BothAbsent,

    /// <summary>One has an all-zero bias, the other none: the same function.</summary>
    ZeroVersusNone,

    /// <summary>One has a non-zero bias, the other none.</summary>
    Missing,

    /// <summary>Both have a bias and the values differ.</summary>
    Different,

    /// <summary>Not compared: the weights already say the layers are not the same (out of order, different shapes).</summary>
    NotCompared,
}
