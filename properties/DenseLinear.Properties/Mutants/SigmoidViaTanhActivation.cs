using System.Numerics;

namespace DenseLinear.Properties.Mutants;

/// <summary>sigmoid through tanh with the argument's halving forgotten: (1 + tanh v)/2 instead of (1 + tanh(v/2))/2.</summary>
public static class SigmoidViaTanhActivation
{
    public static void Apply<T>(Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T two = T.CreateChecked(2);
        foreach (ref T v in values)
        {
            v = (T.One + T.Tanh(v)) / two;
        }
    }
}
