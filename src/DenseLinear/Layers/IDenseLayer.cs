using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear.Layers;

/// <summary>An affine layer mapping (*, in) to (*, out): the common face of both conventions.</summary>
/// <typeparam name="T">The element type.</typeparam>
public interface IDenseLayer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The size of the input's last dimension.</summary>
    int InFeatures { get; }

    /// <summary>The size of the output's last dimension.</summary>
    int OutFeatures { get; }

    /// <summary>Computes the layer on <paramref name="input"/> (*, in) and returns a new (*, out) tensor.</summary>
    /// <exception cref="ArgumentException">The input's rank or last dimension does not fit, or the input, its batch or the
    /// output has more elements than an array holds (<see cref="Array.MaxLength"/>), or the output's lengths cannot form
    /// a tensor; the message names the shapes.</exception>
    Tensor<T> Forward(in ReadOnlyTensorSpan<T> input);

    /// <summary>Computes the layer into <paramref name="destination"/>, which must be (*, out). The destination may share
    /// memory with <paramref name="input"/>: the result is the one computed from a copy of the input.</summary>
    /// <exception cref="ArgumentException">A shape does not fit or a count does not fit an array (as for
    /// <see cref="Forward(in ReadOnlyTensorSpan{T})"/>), or the destination's strides make elements share memory (a
    /// broadcast view); <paramref name="destination"/> is left untouched.</exception>
    void Forward(in ReadOnlyTensorSpan<T> input, in TensorSpan<T> destination);
}
