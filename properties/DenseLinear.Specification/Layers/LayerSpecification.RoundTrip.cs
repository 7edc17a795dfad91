using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 10: conversion is a transpose, so it is exact both ways.
public abstract partial class LayerSpecification<T>
{
    /// <summary>
    /// PyTorch → Keras gives K = Wᵀ bitwise with the same bias; → PyTorch again gives W and b back bitwise; and
    /// Keras → PyTorch → Keras likewise.
    /// </summary>
    [SpecProperty]
    public Property ConversionRoundTripsAreBitwise() =>
        Prop.ForAll(Generators.LayerCases<T>(), c =>
        {
            string shapes = c.ToString();
            T[] weight = c.WeightOutIn;
            T[] expectedKernel = Values(c.KernelInOut);
            T[] bias = c.Bias ?? [];
            (var kernel, var kerasBias) = ToKeras(c.Weight, c.BiasTensor);
            (var weightBack, var pyTorchBias) = ToPyTorch(kernel, kerasBias);
            (var kernelAgain, var kerasBiasAgain) = ToKeras(weightBack, pyTorchBias);
            return Verdicts.All(
                ShapeIs("Round trip: K shape", shapes, kernel, c.InFeatures, c.OutFeatures),
                Verdicts.Identical("Round trip: K = Wᵀ", Subject, shapes, expectedKernel, Values(kernel), c.OutFeatures),
                Verdicts.Identical("Round trip: Keras bias", Subject, shapes, bias, kerasBias is null ? [] : Values(kerasBias), c.OutFeatures),
                ShapeIs("Round trip: W shape", shapes, weightBack, c.OutFeatures, c.InFeatures),
                Verdicts.Identical("Round trip: W back", Subject, shapes, weight, Values(weightBack), c.InFeatures),
                Verdicts.Identical("Round trip: bias back", Subject, shapes, bias, pyTorchBias is null ? [] : Values(pyTorchBias), c.OutFeatures),
                Verdicts.Identical("Round trip: K again", Subject, shapes, expectedKernel, Values(kernelAgain), c.OutFeatures),
                Verdicts.Identical("Round trip: Keras bias again", Subject, shapes, bias, kerasBiasAgain is null ? [] : Values(kerasBiasAgain), c.OutFeatures),
                (c.Bias is null == (kerasBias is null) && c.Bias is null == (pyTorchBias is null))
                    .Label($"Round trip | {Subject} | {shapes} | bias presence changed: original {c.Bias is not null}, Keras {kerasBias is not null}, PyTorch {pyTorchBias is not null}"));
        });

    private Property ShapeIs(string property, string shapes, System.Numerics.Tensors.Tensor<T> tensor, int rows, int columns) =>
        tensor.Rank == 2 && tensor.Lengths[0] == rows && tensor.Lengths[1] == columns
            ? Prop.ToProperty(true)
            : Verdicts.Fail(property, Subject, shapes, $"expected [{rows}, {columns}], actual [{string.Join(", ", tensor.Lengths.ToArray())}]");
}
