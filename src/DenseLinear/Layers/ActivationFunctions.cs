using System.Numerics;
using DenseLinear.Numerics;

namespace DenseLinear.Layers;

/// <summary>Applies an <see cref="Activation"/> in place, and its vector–Jacobian product for the backward pass.</summary>
/// <remarks>
/// Linear, relu, sigmoid and tanh are computed in T as Keras does; softmax and GELU are
/// computed in double and rounded once to T, so their error is one rounding plus the double
/// computation's (<see cref="Accuracy.ErrorBound.Activation{T}"/> and <see cref="Accuracy.ErrorBound.SoftmaxRelative{T}"/>).
/// </remarks>
public static class ActivationFunctions
{
    /// <summary>
    /// Replaces every v in <paramref name="values"/> by a(v). Softmax treats the whole span as one row; use the
    /// overload with a row length for a batch.
    /// </summary>
    public static void Apply<T>(Activation activation, Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Apply(activation, values, values.Length);

    /// <summary>
    /// Replaces every v in <paramref name="values"/>, rows of <paramref name="rowLength"/> elements, by a(v); softmax
    /// normalizes each row (Keras' last axis), the other activations are elementwise.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="rowLength"/> does not divide the length (0 only for an empty span).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The activation is undefined.</exception>
    public static void Apply<T>(Activation activation, Span<T> values, int rowLength)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckRows(values.Length, rowLength);
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
            case Activation.Softmax:
                for (int start = 0; start < values.Length; start += rowLength)
                {
                    Softmax(values.Slice(start, rowLength));
                }

                return;
            case Activation.Gelu:
                foreach (ref T v in values)
                {
                    v = T.CreateTruncating(Gelu(double.CreateChecked(v)));
                }

                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Undefined activation.");
        }
    }

    /// <summary>The exact GELU in double: ½·v·erfc(−v/√2), which equals ½·v·(1 + erf(v/√2)) without its cancellation for v ≪ 0.</summary>
    public static double Gelu(double v) => 0.5 * v * SpecialFunctions.Erfc(-v / Math.Sqrt(2));

    /// <summary>
    /// Turns the gradient with respect to the activation's output, dY, into the gradient with respect to its input,
    /// dZ = J(z)ᵀ·dY, in place, row by row. <paramref name="preActivation"/> is z and <paramref name="output"/> is
    /// a(z), both as <see cref="Apply{T}(Activation, Span{T}, int)"/> computed them.
    /// </summary>
    /// <remarks>
    /// Linear: dZ = dY. Relu: dY where z &gt; 0, else 0 (TensorFlow's choice at 0). Sigmoid: dY·y(1 − y). Tanh:
    /// dY·(1 − y²). GELU: dY·(Φ(z) + z·φ(z)), in double. Softmax: dZⱼ = yⱼ·(dYⱼ − Σᵢ yᵢ·dYᵢ) per row, the
    /// Jacobian–vector product without forming the Jacobian.
    /// </remarks>
    /// <exception cref="ArgumentException">The spans differ in length or <paramref name="rowLength"/> does not divide it.</exception>
    public static void Backward<T>(Activation activation, ReadOnlySpan<T> preActivation, ReadOnlySpan<T> output, Span<T> gradient, int rowLength)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (preActivation.Length != gradient.Length || output.Length != gradient.Length)
        {
            throw new ArgumentException($"z has {preActivation.Length}, y {output.Length} and dY {gradient.Length} elements; they must agree.", nameof(gradient));
        }

        CheckRows(gradient.Length, rowLength);
        for (int i = 0; i < gradient.Length; i++)
        {
            T y = output[i];
            gradient[i] = activation switch
            {
                Activation.Linear or Activation.Softmax => gradient[i],
                Activation.Relu => preActivation[i] > T.Zero ? gradient[i] : T.Zero,
                Activation.Sigmoid => gradient[i] * (y * (T.One - y)),
                Activation.Tanh => gradient[i] * (T.One - (y * y)),
                Activation.Gelu => T.CreateTruncating(double.CreateChecked(gradient[i]) * GeluDerivative(double.CreateChecked(preActivation[i]))),
                _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Undefined activation."),
            };
        }

        if (activation == Activation.Softmax)
        {
            for (int start = 0; start < gradient.Length; start += rowLength)
            {
                ReadOnlySpan<T> y = output.Slice(start, rowLength);
                Span<T> g = gradient.Slice(start, rowLength);
                T dot = T.Zero;
                for (int j = 0; j < rowLength; j++)
                {
                    dot += y[j] * g[j];
                }

                for (int j = 0; j < rowLength; j++)
                {
                    g[j] = y[j] * (g[j] - dot);
                }
            }
        }
    }

    /// <summary>GELU′(v) = Φ(v) + v·φ(v), in double.</summary>
    public static double GeluDerivative(double v) =>
        SpecialFunctions.NormalCdf(v) + (v * Math.Exp(-0.5 * v * v) / Math.Sqrt(2 * Math.PI));

    /// <summary>Parses a Keras activation name (<c>None</c>, <c>"linear"</c>, <c>"relu"</c>, <c>"sigmoid"</c>, <c>"tanh"</c>, <c>"softmax"</c>, <c>"gelu"</c>).</summary>
    /// <exception cref="ArgumentException">The name is not one of those.</exception>
    public static Activation Parse(string? kerasName) => ActivationNames.Parse(kerasName);

    // Softmax of one row in double, rounded once: the max is subtracted so no exponential overflows.
    private static void Softmax<T>(Span<T> row)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (row.IsEmpty)
        {
            return;
        }

        double max = double.NegativeInfinity;
        foreach (T v in row)
        {
            max = Math.Max(max, double.CreateChecked(v));
        }

        Span<double> exponentials = row.Length <= 256 ? stackalloc double[row.Length] : new double[row.Length];
        double sum = 0;
        for (int j = 0; j < row.Length; j++)
        {
            exponentials[j] = Math.Exp(double.CreateChecked(row[j]) - max);
            sum += exponentials[j];
        }

        for (int j = 0; j < row.Length; j++)
        {
            row[j] = T.CreateTruncating(exponentials[j] / sum);
        }
    }

    private static void CheckRows(int length, int rowLength)
    {
        if (rowLength < 0 || (rowLength == 0 ? length != 0 : length % rowLength != 0))
        {
            throw new ArgumentException($"A span of {length} elements is not made of rows of {rowLength}.", nameof(rowLength));
        }
    }
}
