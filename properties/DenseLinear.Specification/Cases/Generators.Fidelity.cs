using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification.Cases;

// The generators of the fidelity families (FidelitySpecification<T>): initializers, activations, gradients, composition.
public static partial class Generators
{
    /// <summary>Every activation, for the elementwise and per-row checks.</summary>
    public static Gen<Activation> AnyActivation { get; } = Gen.Elements(Enum.GetValues<Activation>());

    /// <summary>
    /// A pre-activation value: zero, a small integer, or ±(1 + f)·2ᵉ with e in [−6, 7] — up to 255, past float's
    /// exp overflow at 88.7, so a softmax that forgets to subtract the row maximum overflows.
    /// </summary>
    public static Gen<T> ActivationValue<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => ValueWithExponents<T>(-6, 7);

    /// <summary>A value uniform in [−1, 1), rounded to T: smooth inputs for finite differences.</summary>
    public static Gen<T> UniformValue<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        UnitInterval.Select(f => T.CreateTruncating((2 * f) - 1));

    /// <summary>Default-initialized layers of sizes in [0, size], any framework default, any seed.</summary>
    public static Arbitrary<InitializerCase> InitializerCases() =>
        Arb.From(
            Gen.Sized(size =>
                from initializer in Gen.Elements(Enum.GetValues<FrameworkInitializer>())
                from inFeatures in Gen.Choose(0, Math.Max(1, size))
                from outFeatures in Gen.Choose(0, Math.Max(1, size))
                from bias in Gen.Elements(true, false)
                from seed in Gen.Choose(0, int.MaxValue)
                select new InitializerCase(initializer, inFeatures, outFeatures, bias, seed)),
            Shrinkers.InitializerCase);

    /// <summary>Rows of pre-activation values for <paramref name="activations"/> (every activation when null), with a shift c.</summary>
    public static Arbitrary<ActivationCase<T>> ActivationCases<T>(params Activation[]? activations)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(
            Gen.Sized(size =>
                from activation in activations is { Length: > 0 } ? Gen.Elements(activations) : AnyActivation
                from rows in Gen.Choose(1, 4)
                from rowLength in Gen.Choose(0, Math.Max(1, size))
                from values in Gen.ArrayOf(ActivationValue<T>(), rows * rowLength)
                from shift in ActivationValue<T>()
                select new ActivationCase<T>(activation, rows, rowLength, values, shift)),
            Shrinkers.ActivationCase);

    /// <summary>
    /// A layer with N-D input (values as <see cref="Value{T}"/>), a loss gradient dY, and an activation: linear only, or
    /// any when <paramref name="anyActivation"/>.
    /// </summary>
    public static Arbitrary<GradientCase<T>> GradientCases<T>(bool anyActivation)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(
            from layer in LayerCaseGen<T>()
            from activation in anyActivation ? AnyActivation : Gen.Constant(Activation.Linear)
            from gradient in Values<T>(layer.Rows * layer.OutFeatures)
            select new GradientCase<T>(layer, activation, gradient),
            Shrinkers.GradientCase);

    /// <summary>
    /// Small layers (in, out in [1, 5], up to two leading dimensions of 1–3) with values uniform in [−1, 1), any
    /// activation: finite differences with eps = 1e-6 then resolve every gradient to far better than the tolerance.
    /// </summary>
    public static Arbitrary<GradientCase<T>> GradcheckCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(
            from inFeatures in Gen.Choose(1, 5)
            from outFeatures in Gen.Choose(1, 5)
            from rank in Gen.Choose(2, 3)
            from leading in Gen.ArrayOf(Gen.Choose(1, 3), rank - 1)
            from weight in Gen.ArrayOf(UniformValue<T>(), inFeatures * outFeatures)
            from hasBias in Gen.Elements(true, false)
            from bias in Gen.ArrayOf(UniformValue<T>(), outFeatures)
            from input in Gen.ArrayOf(UniformValue<T>(), leading.Aggregate(1, (a, b) => a * b) * inFeatures)
            from activation in AnyActivation
            from gradient in Gen.ArrayOf(UniformValue<T>(), leading.Aggregate(1, (a, b) => a * b) * outFeatures)
            select new GradientCase<T>(new LayerCase<T>(inFeatures, outFeatures, weight, hasBias ? bias : null, leading, input), activation, gradient),
            Shrinkers.GradientCase);

    /// <summary>Two chained layers with sizes in [0, size/2 + 1] and rank-2 or rank-3 input (Keras needs rank ≥ 2).</summary>
    public static Arbitrary<CompositionCase<T>> CompositionCases<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Arb.From(
            Gen.Sized(size =>
                from inFeatures in Gen.Choose(0, (size / 2) + 1)
                from hidden in Gen.Choose(0, (size / 2) + 1)
                from outFeatures in Gen.Choose(0, (size / 2) + 1)
                from rank in Gen.Choose(2, 3)
                from leading in Gen.ArrayOf(Gen.Choose(0, 4), rank - 1)
                from weight1 in Values<T>(hidden * inFeatures)
                from weight2 in Values<T>(outFeatures * hidden)
                from hasBias1 in Gen.Elements(true, false)
                from hasBias2 in Gen.Elements(true, false)
                from bias1 in Values<T>(hidden)
                from bias2 in Values<T>(outFeatures)
                from input in Values<T>(leading.Aggregate(1, (a, b) => a * b) * inFeatures)
                select new CompositionCase<T>(inFeatures, hidden, outFeatures, weight1, hasBias1 ? bias1 : null, weight2, hasBias2 ? bias2 : null, leading, input)),
            Shrinkers.CompositionCase);
}
