using System.Numerics;

namespace DenseLinear.Specification.Cases;

/// <summary>A product whose operands are subnormal, signed zeros or near the overflow threshold (see <see cref="OperandRegime"/>).</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed record SpecialOperandsCase<T>(MatMulCase<T> Case, OperandRegime Regime)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    public override string ToString() => $"{Regime}: {Case}";
}
