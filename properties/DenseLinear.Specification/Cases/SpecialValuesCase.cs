using System.Numerics;

namespace DenseLinear.Specification.Cases;

/// <summary>A finite product with NaN or ±∞ injected at a few places of x or of the kernel K.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed record SpecialValuesCase<T>(MatMulCase<T> Finite, Injection[] Injections)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The product with the special values in place.</summary>
    public MatMulCase<T> Apply()
    {
        T[] x = (T[])Finite.X.Clone();
        T[] kernel = (T[])Finite.KernelInOut.Clone();
        foreach (Injection injection in Injections)
        {
            T[] target = injection.InX && x.Length > 0 || kernel.Length == 0 ? x : kernel;
            target[injection.Position % target.Length] = injection.Value switch
            {
                SpecialValue.NaN => T.NaN,
                SpecialValue.PositiveInfinity => T.PositiveInfinity,
                _ => T.NegativeInfinity,
            };
        }

        return Finite with { X = x, KernelInOut = kernel };
    }

    /// <inheritdoc />
    public override string ToString() => Apply().ToString();
}
