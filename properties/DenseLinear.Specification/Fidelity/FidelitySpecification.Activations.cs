using System.Globalization;
using DenseLinear.Accuracy;
using DenseLinear.Layers;
using DenseLinear.Numerics;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace DenseLinear.Specification.Fidelity;

// Family 19: Keras activations by name and semantics, each against a double-precision formula.
public abstract partial class FidelitySpecification<T>
{
    /// <summary>
    /// Keras <c>activation=None</c> and <c>"linear"</c> parse to <see cref="Activation.Linear"/>, and the Keras layer on
    /// (Wᵀ, b) with it is the PyTorch layer on (W, b): both within the bound of the exact x·Wᵀ + b. Every Keras name
    /// parses to its activation.
    /// </summary>
    [SpecProperty]
    public virtual Property LinearActivationIsThePyTorchLayerWithTheTransposedWeight() =>
        Prop.ForAll(Generators.GradientCases<T>(false), g =>
        {
            LayerCase<T> c = g.Layer;
            ExactReference<T> reference = c.Reference();
            string[] names = ["linear", "relu", "sigmoid", "tanh", "softmax", "gelu"];
            string? misparsed = names.FirstOrDefault(name => ActivationFunctions.Parse(name).ToString() != CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name));
            return Verdicts.All(
                misparsed is null ? Prop.ToProperty(true) : Verdicts.Fail("Activation names", Subject, c.ToString(), $"'{misparsed}' parses to {ActivationFunctions.Parse(misparsed)}"),
                Verdicts.WithinBound("Activation None: PyTorch (W, b)", Subject, c.ToString(), reference,
                    Matrices.Values(CreatePyTorchLayer(c.Weight, c.BiasTensor).Forward(c.InputTensor))),
                Verdicts.WithinBound("Activation None: Keras (Wᵀ, b, None)", Subject, c.ToString(), reference,
                    Matrices.Values(CreateKerasLayer(c.KernelInOut, c.BiasTensor, ActivationFunctions.Parse(null)).Forward(c.InputTensor))),
                Verdicts.WithinBound("Activation None: Keras (Wᵀ, b, \"linear\")", Subject, c.ToString(), reference,
                    Matrices.Values(CreateKerasLayer(c.KernelInOut, c.BiasTensor, ActivationFunctions.Parse("linear")).Forward(c.InputTensor))));
        });

    /// <summary>
    /// Each activation against its formula evaluated in double: relu and linear exactly; sigmoid, tanh and GELU within
    /// <see cref="ErrorBound.Activation{T}"/>; softmax, row by row, within <see cref="ErrorBound.Softmax{T}"/>.
    /// </summary>
    [SpecProperty]
    public virtual Property ActivationsMatchTheDoublePrecisionFormula() =>
        Prop.ForAll(Generators.ActivationCases<T>(), c =>
        {
            T[] actual = (T[])c.Values.Clone();
            ApplyActivation(c.Activation, actual, c.RowLength);
            for (int row = 0; row < c.Rows; row++)
            {
                double[] z = Widen(c.Values.AsSpan(row * c.RowLength, c.RowLength));
                double[] expected = c.Activation == Activation.Softmax ? SoftmaxInDouble(z) : [.. z.Select(v => ActivationInDouble(c.Activation, v))];
                double spread = z.Length == 0 ? 0 : z.Max() - z.Min();
                for (int j = 0; j < z.Length; j++)
                {
                    double value = double.CreateChecked(actual[(row * c.RowLength) + j]);
                    double bound = c.Activation == Activation.Softmax
                        ? ErrorBound.Softmax<T>(c.RowLength, spread, expected[j])
                        : ErrorBound.Activation<T>(c.Activation, expected[j]);
                    if (!(Math.Abs(value - expected[j]) <= bound))
                    {
                        return Verdicts.Fail($"Activation {c.Activation}", Subject, c.ToString(), string.Create(CultureInfo.InvariantCulture,
                            $"a(z)[{row},{j}] with z = {z[j]:R}: expected {expected[j]:R}, actual {value:R}, |error| {Math.Abs(value - expected[j]):R} > bound {bound:R}"));
                    }
                }
            }

            return Prop.ToProperty(true);
        });

    /// <summary>
    /// The Keras layer with an activation is the activation applied to the linear layer's output, a row of units at
    /// a time (bitwise, when the kernel is deterministic).
    /// </summary>
    [SpecProperty]
    public virtual Property KerasLayerAppliesItsActivationToEachRowOfUnits() =>
        Prop.ForAll(Generators.GradientCases<T>(true), g =>
        {
            LayerCase<T> c = g.Layer;
            T[] activated = Matrices.Values(CreateKerasLayer(c.KernelInOut, c.BiasTensor, g.Activation).Forward(c.InputTensor));
            T[] expected = Matrices.Values(CreateKerasLayer(c.KernelInOut, c.BiasTensor, Activation.Linear).Forward(c.InputTensor));
            ApplyActivation(g.Activation, expected, c.OutFeatures);
            return !PromisesDeterminism
                ? Prop.ToProperty(true)
                : Verdicts.Identical($"Keras activation per row ({g.Activation})", Subject, c.ToString(), expected, activated, c.OutFeatures);
        });

    /// <summary>Every softmax row sums to 1 within <see cref="ErrorBound.SoftmaxRowSum{T}"/> (the sum taken in double).</summary>
    [SpecProperty]
    public virtual Property SoftmaxRowsSumToOne() =>
        Prop.ForAll(Generators.ActivationCases<T>(Activation.Softmax), c =>
        {
            T[] actual = (T[])c.Values.Clone();
            ApplyActivation(Activation.Softmax, actual, c.RowLength);
            for (int row = 0; c.RowLength > 0 && row < c.Rows; row++)
            {
                double[] z = Widen(c.Values.AsSpan(row * c.RowLength, c.RowLength));
                double sum = Widen(actual.AsSpan(row * c.RowLength, c.RowLength)).Sum();
                double bound = ErrorBound.SoftmaxRowSum<T>(c.RowLength, z.Max() - z.Min());
                if (!(Math.Abs(sum - 1) <= bound))
                {
                    return Verdicts.Fail("Softmax row sum", Subject, c.ToString(), string.Create(CultureInfo.InvariantCulture,
                        $"row {row} sums to {sum:R}, |sum − 1| {Math.Abs(sum - 1):R} > bound {bound:R}"));
                }
            }

            return Prop.ToProperty(true);
        });

    /// <summary>
    /// softmax(v + c) = softmax(v) for a constant c added to the row in T, within <see cref="ErrorBound.SoftmaxShift{T}"/>
    /// (not bitwise: v + c is rounded).
    /// </summary>
    [SpecProperty]
    public virtual Property SoftmaxIsInvariantToAddingAConstantToTheRow() =>
        Prop.ForAll(Generators.ActivationCases<T>(Activation.Softmax), c =>
        {
            T[] shifted = [.. c.Values.Select(v => v + c.Shift)];
            T[] y = (T[])c.Values.Clone(), yShifted = (T[])shifted.Clone();
            ApplyActivation(Activation.Softmax, y, c.RowLength);
            ApplyActivation(Activation.Softmax, yShifted, c.RowLength);
            for (int row = 0; row < c.Rows; row++)
            {
                double[] z = Widen(c.Values.AsSpan(row * c.RowLength, c.RowLength));
                double[] zShifted = Widen(shifted.AsSpan(row * c.RowLength, c.RowLength));
                double spread = z.Length == 0 ? 0 : Math.Max(z.Max() - z.Min(), zShifted.Max() - zShifted.Min());
                double maxAbsShifted = z.Length == 0 ? 0 : zShifted.Max(Math.Abs);
                for (int j = 0; j < z.Length; j++)
                {
                    int index = (row * c.RowLength) + j;
                    double a = double.CreateChecked(y[index]), b = double.CreateChecked(yShifted[index]);
                    double bound = ErrorBound.SoftmaxShift<T>(c.RowLength, spread, maxAbsShifted, Math.Abs(a));
                    if (!(Math.Abs(a - b) <= bound))
                    {
                        return Verdicts.Fail("Softmax shift", Subject, c.ToString(), string.Create(CultureInfo.InvariantCulture,
                            $"y[{row},{j}]: softmax(v) = {a:R}, softmax(v + c) = {b:R}, |difference| {Math.Abs(a - b):R} > bound {bound:R}"));
                    }
                }
            }

            return Prop.ToProperty(true);
        });

    /// <summary>
    /// erf and erfc, which GELU and the truncated normal rest on, match 30-digit values (computed with mpmath at 45
    /// digits, erf(x) of the double x) within their stated <see cref="SpecialFunctions.AccuracyInUnitRoundoffs"/>·u
    /// relative error (<see cref="ErrorBound.Erf"/>); erf is odd, erfc(0) = 1.
    /// </summary>
    [Fact]
    public virtual void ErfMatchesHighPrecisionValues()
    {
        foreach ((string name, Func<double, double> function, (double X, string Value)[] table) in new[]
        {
            ("erf", (Func<double, double>)SpecialFunctions.Erf, ErfTable),
            ("erfc", SpecialFunctions.Erfc, ErfcTable),
        })
        {
            foreach ((double x, string text) in table)
            {
                double expected = double.Parse(text, CultureInfo.InvariantCulture);
                double actual = function(x);
                double bound = ErrorBound.Erf(expected);
                if (!(Math.Abs(actual - expected) <= bound))
                {
                    throw new SpecificationException(string.Create(CultureInfo.InvariantCulture,
                        $"erf table | {name}({x:R}): expected {text}, actual {actual:R}, |error| {Math.Abs(actual - expected):R} > bound {bound:R}"));
                }
            }
        }

        Assert.True(SpecialFunctions.Erf(-0.3) == -SpecialFunctions.Erf(0.3) && SpecialFunctions.Erfc(0) == 1, "erf table | symmetry");
    }

    // (x, erf(x)) and (x, erfc(x)) to 30 digits, from mpmath at 45 digits.
    private static readonly (double X, string Value)[] ErfTable =
    [
        (-5.5, "-0.999999999999992642152082025602"), (-3.25, "-0.999995697220536324878169524105"),
        (-1.5, "-0.966105146475310727066976261646"), (-0.75, "-0.711155633653515131598937834591"),
        (-0.3125, "-0.341468633501595006293337130495"), (-0.0625, "-0.0704319777223870780505900559233"),
        (1e-10, "1.12837916709551261500173010155e-10"), (0.001, "0.00112837879096923640343756413937"),
        (0.125, "0.140316204801333817393029446522"), (0.25, "0.276326390168236932985068267765"),
        (0.4921875, "0.51360764112027095128948167025"), (0.5, "0.520499877813046537682746653892"),
        (0.5078125, "0.527338479237834355056027722576"), (0.7, "0.677801193837418442276858154351"),
        (1.0, "0.842700792949714869341220635083"), (1.25, "0.922900128256458230136523481197"),
        (2.0, "0.995322265018952734162069256367"), (2.5, "0.99959304798255504106043578426"),
        (3.0, "0.99997790950300141455862722387"), (4.0, "0.99999998458274209971998114784"),
        (5.9375, "0.999999999999999954155265637656"),
    ];

    private static readonly (double X, string Value)[] ErfcTable =
    [
        (-2.5, "1.99959304798255504106043578426"), (-0.5, "1.52049987781304653768274665389"),
        (-0.25, "1.27632639016823693298506826776"), (0.0, "1.0"), (0.1, "0.887537083981715101595287748986"),
        (0.4921875, "0.48639235887972904871051832975"), (0.5, "0.479500122186953462317253346108"),
        (0.75, "0.288844366346484868401062165409"), (1.0, "0.157299207050285130658779364917"),
        (1.75, "0.0133283287808175562277888998713"), (3.0, "0.0000220904969985854413727761295823"),
        (4.5, "1.96616044154288747627916036766e-10"), (6.0, "2.15197367124989131165933503992e-17"),
        (9.0, "4.13703174651381023805390346736e-37"), (12.5, "6.23194278197991100613954912909e-70"),
        (17.0, "1.02122801509426088114559923508e-127"), (20.25, "2.27295641788078367085249502649e-180"),
        (24.0, "1.64898258315193351421851243754e-252"), (26.0, "5.66319240885614284647572789693e-296"),
    ];

    // The activations' formulas in double, written here independently of ActivationFunctions.
    private static double ActivationInDouble(Activation activation, double v) => activation switch
    {
        Activation.Linear => v,
        Activation.Relu => v > 0 ? v : 0,
        Activation.Sigmoid => 1 / (1 + Math.Exp(-v)),
        Activation.Tanh => Math.Tanh(v),
        Activation.Gelu => 0.5 * v * SpecialFunctions.Erfc(-v / Math.Sqrt(2)),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Not elementwise."),
    };

    private static double[] SoftmaxInDouble(double[] z)
    {
        if (z.Length == 0)
        {
            return [];
        }

        double max = z.Max();
        double[] e = [.. z.Select(v => Math.Exp(v - max))];
        double sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }
}
