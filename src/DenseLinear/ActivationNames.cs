namespace DenseLinear;

/// <summary>The Keras names of the <see cref="Activation"/>s, the one place they are spelled.</summary>
public static class ActivationNames
{
    /// <summary>The Keras name: <c>linear</c>, <c>relu</c>, <c>sigmoid</c>, <c>tanh</c>, <c>softmax</c>, <c>gelu</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activation"/> is not an <see cref="Activation"/>.</exception>
    public static string Of(Activation activation) => activation switch
    {
        Activation.Linear => "linear",
        Activation.Relu => "relu",
        Activation.Sigmoid => "sigmoid",
        Activation.Tanh => "tanh",
        Activation.Softmax => "softmax",
        Activation.Gelu => "gelu",
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Not an Activation."),
    };

    /// <summary>Parses a Keras activation name: <see langword="null"/>, <c>None</c> or <c>linear</c> is <see cref="Activation.Linear"/>.</summary>
    /// <returns>Whether <paramref name="kerasName"/> is one of the names.</returns>
    public static bool TryParse(string? kerasName, out Activation activation)
    {
        activation = Activation.Linear;
        if (kerasName is null or "None")
        {
            return true;
        }

        foreach (Activation candidate in Enum.GetValues<Activation>())
        {
            if (Of(candidate) == kerasName)
            {
                activation = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a Keras activation name; see <see cref="TryParse"/>.</summary>
    /// <exception cref="ArgumentException">The name is not one of those.</exception>
    public static Activation Parse(string? kerasName) =>
        TryParse(kerasName, out Activation activation) ? activation : throw new ArgumentException($"Unknown Keras activation '{kerasName}'.", nameof(kerasName));
}
