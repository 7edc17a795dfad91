using System.Numerics;

namespace DenseLinear;

/// <summary>Applies an <see cref="Activation"/> elementwise, in place.</summary>
public static class ActivationFunctions
{
    /// <summary>Replaces every v in <paramref name="values"/> by a(v).</summary>
    public static void Apply<T>(Activation activation, Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case Activation.Linear:
                return;
            case Activation.Relu:
                foreach (ref T v in values)
                {
                    v = T.IsNaN(v) || v > T.Zero ? v : T.Zero;
                }

                return;
            case Activation.Sigmoid:
                foreach (ref T v in values)
                {
                    v = T.One / (T.One + T.Exp(-v));
                }

                return;
            case Activation.Tanh:
                foreach (ref T v in values)
                {
                    v = T.Tanh(v);
                }

                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Undefined activation.");
        }
    }

    /// <summary>Parses a Keras activation name (<c>None</c>, <c>"linear"</c>, <c>"relu"</c>, <c>"sigmoid"</c>, <c>"tanh"</c>).</summary>
    /// <exception cref="ArgumentException">The name is not one of those.</exception>
    public static Activation Parse(string? kerasName) => kerasName switch
    {
        null or "linear" or "None" => Activation.Linear,
        "relu" => Activation.Relu,
        "sigmoid" => Activation.Sigmoid,
        "tanh" => Activation.Tanh,
        _ => throw new ArgumentException($"Unknown Keras activation '{kerasName}'.", nameof(kerasName)),
    };
}
