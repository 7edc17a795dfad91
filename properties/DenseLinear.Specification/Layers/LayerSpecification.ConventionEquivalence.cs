using DenseLinear.Accuracy;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 13: the seed question as a property: PyTorch (W, b) and Keras (Wᵀ, b, no activation) compute the same map.
public abstract partial class LayerSpecification<T>
{
    /// <summary>
    /// The PyTorch layer on (W, b) and the Keras layer on (Wᵀ, b) are each within γₖ₊₁·(|x|·|W| + |b|) of the exact
    /// x·Wᵀ + b, with Wᵀ transposed independently of the library, and through the library's conversion.
    /// </summary>
    [SpecProperty]
    public virtual Property PyTorchAndKerasLayersComputeTheSameMap() =>
        Prop.ForAll(Generators.LayerCases<T>(), c =>
        {
            ExactReference<T> reference = c.Reference();
            T[] pyTorch = Matrices.Values(CreatePyTorchLayer(c.Weight, c.BiasTensor).Forward(c.InputTensor));
            T[] keras = Matrices.Values(CreateKerasLayer(c.KernelInOut, c.BiasTensor, Activation.Linear).Forward(c.InputTensor));
            (var kernel, var bias) = ToKeras(c.Weight, c.BiasTensor);
            T[] converted = Matrices.Values(CreateKerasLayer(kernel, bias, Activation.Linear).Forward(c.InputTensor));
            return Verdicts.All(
                Verdicts.WithinBound("Convention equivalence: PyTorch (W, b)", Subject, c.ToString(), reference, pyTorch),
                Verdicts.WithinBound("Convention equivalence: Keras (Wᵀ, b)", Subject, c.ToString(), reference, keras),
                Verdicts.WithinBound("Convention equivalence: Keras from converted weights", Subject, c.ToString(), reference, converted));
        });
}
