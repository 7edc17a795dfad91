using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 14: conversion is a transpose, so it is exact both ways.
public abstract partial class LayerSpecification<T>
{
    /// <summary>
    /// PyTorch → Keras gives K = Wᵀ bitwise with the same bias; → PyTorch again gives W and b back bitwise; and
    /// Keras → PyTorch → Keras likewise.
    /// </summary>
    [SpecProperty]
    public virtual Property ConversionRoundTripsAreBitwise() =>
        Prop.ForAll(Generators.LayerCases<T>(), c =>
        {
            string shapes = c.ToString();
            T[] weight = c.WeightOutIn;
            T[] expectedKernel = Matrices.Values(c.KernelInOut);
            T[] bias = c.Bias ?? [];
            (var kernel, var kerasBias) = ToKeras(c.Weight, c.BiasTensor);
            (var weightBack, var pyTorchBias) = ToPyTorch(kernel, kerasBias);
            (var kernelAgain, var kerasBiasAgain) = ToKeras(weightBack, pyTorchBias);
            return Verdicts.All(
                ShapeIs("Round trip: K shape", shapes, kernel, c.InFeatures, c.OutFeatures),
                Verdicts.Identical("Round trip: K = Wᵀ", Subject, shapes, expectedKernel, Matrices.Values(kernel), c.OutFeatures),
                Verdicts.Identical("Round trip: Keras bias", Subject, shapes, bias, kerasBias is null ? [] : Matrices.Values(kerasBias), c.OutFeatures),
                ShapeIs("Round trip: W shape", shapes, weightBack, c.OutFeatures, c.InFeatures),
                Verdicts.Identical("Round trip: W back", Subject, shapes, weight, Matrices.Values(weightBack), c.InFeatures),
                Verdicts.Identical("Round trip: bias back", Subject, shapes, bias, pyTorchBias is null ? [] : Matrices.Values(pyTorchBias), c.OutFeatures),
                Verdicts.Identical("Round trip: K again", Subject, shapes, expectedKernel, Matrices.Values(kernelAgain), c.OutFeatures),
                Verdicts.Identical("Round trip: Keras bias again", Subject, shapes, bias, kerasBiasAgain is null ? [] : Matrices.Values(kerasBiasAgain), c.OutFeatures),
                (c.Bias is null == (kerasBias is null) && c.Bias is null == (pyTorchBias is null))
                    .Label($"Round trip | {Subject} | {shapes} | bias presence changed: original {c.Bias is not null}, Keras {kerasBias is not null}, PyTorch {pyTorchBias is not null}"));
        });

    private Property ShapeIs(string property, string shapes, System.Numerics.Tensors.Tensor<T> tensor, int rows, int columns) =>
        tensor.Rank == 2 && tensor.Lengths[0] == rows && tensor.Lengths[1] == columns
            ? Prop.ToProperty(true)
            : Verdicts.Fail(property, Subject, shapes, $"expected [{rows}, {columns}], actual [{string.Join(", ", tensor.Lengths.ToArray())}]");
}
