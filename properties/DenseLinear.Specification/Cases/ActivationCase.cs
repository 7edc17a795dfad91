using System.Numerics;
using DenseLinear.Specification.Support;

namespace DenseLinear.Specification.Cases;

/// <summary>
/// Pre-activation values z, <see cref="Rows"/> rows of <see cref="RowLength"/> (softmax normalizes each row), an
/// activation, and a constant <see cref="Shift"/> for softmax's shift invariance.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed record ActivationCase<T>(Activation Activation, int Rows, int RowLength, T[] Values, T Shift)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Activation} on [{Rows}×{RowLength}]{(Values.Length <= 32 ? " z=" + Matrices.Format<T>(Values) : string.Empty)} c={Matrices.Format(Shift)}";
}
