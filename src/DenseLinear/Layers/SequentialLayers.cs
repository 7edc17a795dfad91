using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace DenseLinear.Layers;

/// <summary>
/// The Linear modules of a PyTorch <c>nn.Sequential</c> MLP, in order, and the equivalent Keras Dense layers.
/// </summary>
/// <param name="ModuleIndices">Each layer's index in the Sequential (<c>0</c>, <c>2</c>, … when ReLUs sit between).</param>
/// <param name="Linear">The PyTorch-convention layers, weight [out, in].</param>
/// <param name="DenseNames">Keras' default names for the Dense layers: <c>dense</c>, <c>dense_1</c>, ….</param>
/// <param name="Dense">The same layers in Keras' convention (kernel = weightᵀ), the hidden activation on all but the last.</param>
public sealed record SequentialLayers<T>(
    IReadOnlyList<int> ModuleIndices,
    IReadOnlyList<LinearLayer<T>> Linear,
    IReadOnlyList<string> DenseNames,
    IReadOnlyList<DenseLayer<T>> Dense)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// The model on <paramref name="input"/> (*, in), as the <c>nn.Sequential</c> computes it: each
    /// <see cref="Linear"/> layer in turn, <c>h = h·Wᵀ + b</c>, followed by the hidden activation (the
    /// <see cref="DenseLayer{T}.Activation"/> of the matching <see cref="Dense"/> layer) on every layer but the last.
    /// As in PyTorch, the input may be 1-D [in]; the result is a new (*, out) tensor of the last layer's out_features.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no layers, or <see cref="Dense"/> does not match
    /// <see cref="Linear"/> in count.</exception>
    /// <exception cref="ArgumentException">The input's last dimension is not the first layer's in_features, or a count
    /// does not fit an array; the message names the shapes.</exception>
    public Tensor<T> Forward(in ReadOnlyTensorSpan<T> input)
    {
        if (Linear.Count == 0 || Dense.Count != Linear.Count)
        {
            throw new InvalidOperationException($"The model has {Linear.Count} Linear and {Dense.Count} Dense layers; Forward needs at least one, and as many of each.");
        }

        Tensor<T> output = Linear[0].Forward(input);
        for (int i = 1; i < Linear.Count; i++)
        {
            Activate(output, Dense[i - 1].Activation);
            output = Linear[i].Forward(output);
        }

        return output;
    }

    // In place on the layer's fresh, dense output, one row per output vector (softmax normalizes each).
    private static void Activate(Tensor<T> hidden, Activation activation)
    {
        Span<T> values = MemoryMarshal.CreateSpan(ref hidden.GetPinnableReference(), checked((int)hidden.FlattenedLength));
        ActivationFunctions.Apply(activation, values, (int)hidden.Lengths[^1]);
    }
}
