namespace DenseLinear.Specification.Support;

/// <summary>Which of the four IEEE 754 outcomes a value is, as far as NaN and infinity propagation go.</summary>
public enum IeeeClass
{
    /// <summary>A finite value, zeros and subnormals included.</summary>
    Finite,

    /// <summary>Not a number.</summary>
    NaN,

    /// <summary>+∞.</summary>
    PositiveInfinity,

    /// <summary>−∞.</summary>
    NegativeInfinity,
}
