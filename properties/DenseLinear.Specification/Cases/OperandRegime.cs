namespace DenseLinear.Specification.Cases;

/// <summary>Which special operands a <see cref="SpecialOperandsCase{T}"/> holds, and where.</summary>
public enum OperandRegime
{
    /// <summary>x is subnormal or a signed zero; W is normal, |W| below 16.</summary>
    SubnormalX,

    /// <summary>W is subnormal or a signed zero; x is normal, |x| below 16.</summary>
    SubnormalWeight,

    /// <summary>x and W are signed zeros or normal values, half of them zeros.</summary>
    SignedZeros,

    /// <summary>x is within 2⁴ of the overflow threshold; W is small enough that no product or partial sum overflows.</summary>
    NearOverflowX,

    /// <summary>W is within 2⁴ of the overflow threshold; x is small enough that no product or partial sum overflows.</summary>
    NearOverflowWeight,
}
