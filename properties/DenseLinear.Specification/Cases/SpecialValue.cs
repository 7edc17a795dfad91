namespace DenseLinear.Specification.Cases;

/// <summary>A non-finite IEEE value placed into a generated matrix.</summary>
public enum SpecialValue
{
    /// <summary>A quiet NaN.</summary>
    NaN,

    /// <summary>+∞.</summary>
    PositiveInfinity,

    /// <summary>−∞.</summary>
    NegativeInfinity,
}
