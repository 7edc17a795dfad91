using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Properties.Limits;

/// <summary>
/// Every public entry point that takes a shape, on generated malformed shapes and strides: each call either
/// succeeds exactly when <see cref="ShapeContract"/> says the shapes fit, with the output shape it says, or throws an
/// <see cref="ArgumentException"/> (or a subclass); never any other exception, and a refused call writes nothing.
/// </summary>
public sealed class EntryPointSweepProperties
{
    [SpecProperty]
    public Property Layers_accept_exactly_the_shapes_that_fit_and_refuse_the_rest_without_writing() =>
        Prop.ForAll(Arb.From(LayerCases, Shrink), c => Sweep.Layer(c));

    [SpecProperty]
    public Property Composition_accepts_exactly_the_chains_that_fit() =>
        Prop.ForAll(Arb.From(CompositionCases), c => Sweep.Composition(c.In, c.Hidden, c.SecondIn, c.Out, c.FirstBias, c.SecondBias));

    [SpecProperty]
    public Property Factories_accept_exactly_the_sizes_that_fit() =>
        Prop.ForAll(Arb.From(FactoryCases), c => Sweep.Factories(c.In, c.Out, c.Bias));

    private static Gen<LayerShapeCase> LayerCases { get; } =
        from keras in Gen.Elements(false, true)
        from weight in MalformedShapes.Tensor(Gen.Frequency((8, MalformedShapes.Lengths(2, 2)), (2, MalformedShapes.Lengths(0, 3))))
        let outFeatures = weight.Lengths.Length == 2 ? weight.Lengths[keras ? 1 : 0] : 2
        let inFeatures = weight.Lengths.Length == 2 ? weight.Lengths[keras ? 0 : 1] : 3
        from hasBias in Gen.Elements(false, true)
        from bias in MalformedShapes.TensorNear([outFeatures])
        from batch in MalformedShapes.Lengths(keras ? 1 : 0, 3)
        from input in MalformedShapes.TensorNear([.. batch, inFeatures])
        from other in MalformedShapes.TensorNear([.. batch, outFeatures])
        select new LayerShapeCase(keras, weight, hasBias ? bias : null, input, other);

    // Widths of two layers x → h₁ → y and h₂ → z that mostly chain (h₂ = h₁), with and without biases.
    private static Gen<(nint In, nint Hidden, nint SecondIn, nint Out, bool FirstBias, bool SecondBias)> CompositionCases { get; } =
        (from input in MalformedShapes.Length
         from hidden in MalformedShapes.Length
         from chains in Gen.Frequency((8, Gen.Constant(true)), (2, Gen.Constant(false)))
         from secondIn in chains ? Gen.Constant(hidden) : MalformedShapes.Length
         from output in MalformedShapes.Length
         from firstBias in Gen.Elements(false, true)
         from secondBias in Gen.Elements(false, true)
         select (In: input, Hidden: hidden, SecondIn: secondIn, Out: output, FirstBias: firstBias, SecondBias: secondBias))
        .Where(c => ShapeContract.IsLayer([c.Hidden, c.In], c.FirstBias ? [c.Hidden] : null, 0)
            && ShapeContract.IsLayer([c.Out, c.SecondIn], c.SecondBias ? [c.Out] : null, 0));

    private static Gen<(int In, int Out, bool Bias)> FactoryCases { get; } =
        from inFeatures in Gen.Frequency((1, Gen.Constant(-1)), (9, MalformedShapes.Length.Where(l => l <= int.MaxValue).Select(l => (int)l)))
        from outFeatures in Gen.Frequency((1, Gen.Constant(-1)), (9, MalformedShapes.Length.Where(l => l <= int.MaxValue).Select(l => (int)l)))
        from bias in Gen.Elements(false, true)
        select (inFeatures, outFeatures, bias);

    private static IEnumerable<LayerShapeCase> Shrink(LayerShapeCase c) =>
        MalformedShapes.Shrink(c.Weight).Select(w => c with { Weight = w })
            .Concat(c.Bias is null ? [] : MalformedShapes.Shrink(c.Bias).Select(b => c with { Bias = b }).Prepend(c with { Bias = null }))
            .Concat(MalformedShapes.Shrink(c.Input).Select(i => c with { Input = i }))
            .Concat(MalformedShapes.Shrink(c.Other).Select(o => c with { Other = o }));
}
