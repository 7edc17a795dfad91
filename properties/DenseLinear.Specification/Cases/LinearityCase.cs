using System.Numerics;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification.Cases;

/// <summary>A product, a second input <see cref="X2"/> of the same shape, and a nonzero scalar α.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed record LinearityCase<T>(MatMulCase<T> Case, T[] X2, T Alpha)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Case} x2={(X2.Length <= 32 ? Matrices.Format<T>(X2) : $"[{X2.Length} values]")} α={Matrices.Format(Alpha)}";
}
