using System.Numerics;

namespace DenseLinear.Specification.Cases;

// Shrinkers of the fidelity cases: dimensions first, then biases, then values, as for the other cases.
public static partial class Shrinkers
{
    /// <summary>Smaller layers, then seed 0.</summary>
    public static IEnumerable<InitializerCase> InitializerCase(InitializerCase c)
    {
        foreach (int inFeatures in Smaller(c.InFeatures))
        {
            yield return c with { InFeatures = inFeatures };
        }

        foreach (int outFeatures in Smaller(c.OutFeatures))
        {
            yield return c with { OutFeatures = outFeatures };
        }

        if (c.Bias)
        {
            yield return c with { Bias = false };
        }

        if (c.Seed != 0)
        {
            yield return c with { Seed = 0 };
        }
    }

    /// <summary>Fewer rows, shorter rows, then simpler values and shift.</summary>
    public static IEnumerable<ActivationCase<T>> ActivationCase<T>(ActivationCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int rows in Smaller(c.Rows).Where(r => r > 0))
        {
            yield return c with { Rows = rows, Values = Block(c.Values, c.RowLength, rows, c.RowLength) };
        }

        foreach (int rowLength in Smaller(c.RowLength))
        {
            yield return c with { RowLength = rowLength, Values = Block(c.Values, c.RowLength, c.Rows, rowLength) };
        }

        if (Simplify(c.Values) is { } values)
        {
            yield return c with { Values = values };
        }

        if (Simplify([c.Shift]) is { } shift)
        {
            yield return c with { Shift = shift[0] };
        }
    }

    /// <summary>Shrinks the layer, keeping dY's top-left block in step with its rows and outputs.</summary>
    public static IEnumerable<GradientCase<T>> GradientCase<T>(GradientCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (LayerCase<T> smaller in LayerCase(c.Layer))
        {
            yield return c with { Layer = smaller, OutputGradient = Block(c.OutputGradient, c.Layer.OutFeatures, smaller.Rows, smaller.OutFeatures) };
        }

        if (Simplify(c.OutputGradient) is { } gradient)
        {
            yield return c with { OutputGradient = gradient };
        }
    }

    /// <summary>Narrower layers, fewer rows, no biases, simpler values.</summary>
    public static IEnumerable<CompositionCase<T>> CompositionCase<T>(CompositionCase<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int inFeatures in Smaller(c.InFeatures))
        {
            yield return c with
            {
                InFeatures = inFeatures,
                Weight1 = Block(c.Weight1, c.InFeatures, c.Hidden, inFeatures),
                Input = Block(c.Input, c.InFeatures, c.Rows, inFeatures),
            };
        }

        foreach (int hidden in Smaller(c.Hidden))
        {
            yield return c with
            {
                Hidden = hidden,
                Weight1 = Block(c.Weight1, c.InFeatures, hidden, c.InFeatures),
                Bias1 = c.Bias1?[..hidden],
                Weight2 = Block(c.Weight2, c.Hidden, c.OutFeatures, hidden),
            };
        }

        foreach (int outFeatures in Smaller(c.OutFeatures))
        {
            yield return c with { OutFeatures = outFeatures, Weight2 = Block(c.Weight2, c.Hidden, outFeatures, c.Hidden), Bias2 = c.Bias2?[..outFeatures] };
        }

        if (c.Leading.Length > 1)
        {
            yield return c with { Leading = [c.Leading[0] * c.Leading[1], .. c.Leading[2..]] };
        }
        else
        {
            foreach (int rows in Smaller(c.Leading[0]))
            {
                yield return c with { Leading = [rows], Input = Block(c.Input, c.InFeatures, rows, c.InFeatures) };
            }
        }

        if (c.Bias1 is not null)
        {
            yield return c with { Bias1 = null };
        }

        if (c.Bias2 is not null)
        {
            yield return c with { Bias2 = null };
        }

        if (Simplify(c.Weight1) is { } weight1)
        {
            yield return c with { Weight1 = weight1 };
        }

        if (Simplify(c.Weight2) is { } weight2)
        {
            yield return c with { Weight2 = weight2 };
        }

        if (Simplify(c.Input) is { } input)
        {
            yield return c with { Input = input };
        }
    }
}
