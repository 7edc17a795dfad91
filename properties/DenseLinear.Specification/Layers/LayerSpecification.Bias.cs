using System.Numerics.Tensors;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 15: bias handling in both conventions.
public abstract partial class LayerSpecification<T>
{
    /// <summary>No bias is the same map as a zero bias, bitwise (adding +0 is exact), in both conventions.</summary>
    [SpecProperty]
    public virtual Property NoBiasEqualsZeroBias() =>
        Prop.ForAll(Generators.LayerCases<T>(), c =>
        {
            Tensor<T> zeros = Tensor.Create(new T[c.OutFeatures], [c.OutFeatures]);
            return Verdicts.All(
                Verdicts.Identical("PyTorch: no bias = zero bias", Subject, c.ToString(),
                    Matrices.Values(CreatePyTorchLayer(c.Weight, null).Forward(c.InputTensor)),
                    Matrices.Values(CreatePyTorchLayer(c.Weight, zeros).Forward(c.InputTensor)), c.OutFeatures),
                Verdicts.Identical("Keras: no bias = zero bias", Subject, c.ToString(),
                    Matrices.Values(CreateKerasLayer(c.KernelInOut, null, Activation.Linear).Forward(c.InputTensor)),
                    Matrices.Values(CreateKerasLayer(c.KernelInOut, zeros, Activation.Linear).Forward(c.InputTensor)), c.OutFeatures));
        });

    /// <summary>
    /// f(0) = b exactly in every row of every leading dimension, with distinct bias values 1, 2, …, out so that each
    /// entry must land on its own output index, in both conventions.
    /// </summary>
    [SpecProperty]
    public virtual Property ZeroInputGivesTheBiasInEveryRow() =>
        Prop.ForAll(Generators.LayerCases<T>(), c =>
        {
            T[] distinct = [.. Enumerable.Range(1, c.OutFeatures).Select(j => T.CreateChecked(j))];
            Tensor<T> bias = Tensor.Create(distinct, [c.OutFeatures]);
            Tensor<T> zeroInput = Tensor.Create(new T[c.Input.Length], c.InputShape);
            T[] expected = [.. Enumerable.Range(0, c.Rows).SelectMany(_ => distinct)];
            return Verdicts.All(
                Verdicts.Identical("PyTorch: f(0) = b", Subject, c.ToString(), expected, Matrices.Values(CreatePyTorchLayer(c.Weight, bias).Forward(zeroInput)), c.OutFeatures),
                Verdicts.Identical("Keras: f(0) = b", Subject, c.ToString(), expected, Matrices.Values(CreateKerasLayer(c.KernelInOut, bias, Activation.Linear).Forward(zeroInput)), c.OutFeatures));
        });
}
