using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using DenseLinear.Layers;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 17: every shape mismatch raises an ArgumentException naming the shapes, and writes nothing.
public abstract partial class LayerSpecification<T>
{
    /// <summary>
    /// A wrong input width, a destination of the wrong shape, a bias of the wrong length and a weight of the wrong
    /// rank each raise an ArgumentException whose message names the sizes; a destination is left untouched.
    /// </summary>
    [SpecProperty]
    public virtual Property ShapeMismatchesAreRejectedAndWriteNothing() =>
        Prop.ForAll(Generators.LayerCases<T>(), c =>
        {
            int wrongIn = c.InFeatures + 1;
            Tensor<T> wrongInput = Tensor.Create(new T[c.Rows * wrongIn], [.. c.Leading.Select(d => (nint)d), wrongIn]);
            Tensor<T> wrongBias = Tensor.Create(new T[c.OutFeatures + 1], [c.OutFeatures + 1]);
            Tensor<T> rank3 = Tensor.Create((T[])c.WeightOutIn.Clone(), [1, c.OutFeatures, c.InFeatures]);
            IDenseLayer<T> pyTorch = CreatePyTorchLayer(c.Weight, c.BiasTensor);
            IDenseLayer<T> keras = CreateKerasLayer(c.KernelInOut, c.BiasTensor, Activation.Linear);
            string width = wrongIn.ToString(CultureInfo.InvariantCulture);
            string biasLength = (c.OutFeatures + 1).ToString(CultureInfo.InvariantCulture);
            return Verdicts.All(
                Rejects("PyTorch: wrong input width", c, width, () => pyTorch.Forward(wrongInput)),
                Rejects("Keras: wrong input width", c, width, () => keras.Forward(wrongInput)),
                Rejects("PyTorch: bias of the wrong length", c, biasLength, () => CreatePyTorchLayer(c.Weight, wrongBias)),
                Rejects("Keras: bias of the wrong length", c, biasLength, () => CreateKerasLayer(c.KernelInOut, wrongBias, Activation.Linear)),
                Rejects("PyTorch: rank-3 weight", c, "rank", () => CreatePyTorchLayer(rank3, null)),
                Rejects("Keras: rank-3 kernel", c, "rank", () => CreateKerasLayer(rank3, null, Activation.Linear)),
                DestinationUntouched("PyTorch", c, pyTorch),
                DestinationUntouched("Keras", c, keras));
        });

    private Property Rejects(string property, LayerCase<T> c, string named, Action action)
    {
        try
        {
            action();
            return Verdicts.Fail(property, Subject, c.ToString(), "no exception was thrown");
        }
        catch (ArgumentException e)
        {
            return e.Message.Contains(named, StringComparison.Ordinal)
                .Label($"{property} | {Subject} | {c} | the message does not name {named}: {e.Message}");
        }
        catch (Exception e)
        {
            return Verdicts.Fail(property, Subject, c.ToString(), $"threw {e.GetType().Name} instead of an ArgumentException: {e.Message}");
        }
    }

    private Property DestinationUntouched(string convention, LayerCase<T> c, IDenseLayer<T> layer)
    {
        // One more output column than the layer makes: the shape is wrong, and every element must stay as it was.
        nint[] wrongShape = [.. c.Leading.Select(d => (nint)d), c.OutFeatures + 1];
        var destination = new T[c.Rows * (c.OutFeatures + 1)];
        MemoryMarshal.AsBytes(destination.AsSpan()).Fill(KernelHarness.CanaryByte);
        T[] before = (T[])destination.Clone();
        string property = $"{convention}: destination of the wrong shape";
        try
        {
            layer.Forward(c.InputTensor, new TensorSpan<T>(destination, wrongShape));
            return Verdicts.Fail(property, Subject, c.ToString(), "no exception was thrown");
        }
        catch (ArgumentException)
        {
            return Verdicts.Identical(property + " (untouched)", Subject, c.ToString(), before, destination, c.OutFeatures + 1);
        }
        catch (Exception e)
        {
            return Verdicts.Fail(property, Subject, c.ToString(), $"threw {e.GetType().Name} instead of an ArgumentException: {e.Message}");
        }
    }
}
