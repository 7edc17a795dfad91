using System.Numerics.Tensors;
using DenseLinear.Layers;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 16: N-D input is the flattened 2-D product reshaped back; PyTorch takes 1-D input, Keras does not.
public abstract partial class LayerSpecification<T>
{
    /// <summary>
    /// f on (a, b, …, in) has shape (a, b, …, out) and equals f on (a·b·…, in), reshaped, bitwise; zero-size leading
    /// dimensions give empty outputs of the right shape; Forward into a destination writes the same values. Both
    /// conventions.
    /// </summary>
    [SpecProperty]
    public virtual Property NdInputEqualsItsFlattenedForm() =>
        Prop.ForAll(Generators.LayerCases<T>(), c =>
        {
            Tensor<T> flat = Tensor.Create((T[])c.Input.Clone(), [c.Rows, c.InFeatures]);
            return Verdicts.All(
                NdAgrees("PyTorch", c, CreatePyTorchLayer(c.Weight, c.BiasTensor), flat),
                NdAgrees("Keras", c, CreateKerasLayer(c.KernelInOut, c.BiasTensor, Activation.Linear), flat));
        });

    /// <summary>
    /// A strided view (the rows of a wider matrix: row stride in + 1, the extra column holding NaN) gives the same
    /// output as the dense input, bitwise: layers must honour strides, not read the buffer as if contiguous.
    /// </summary>
    [SpecProperty]
    public virtual Property StridedInputEqualsDenseInput() =>
        Prop.ForAll(Generators.LayerCases<T>().Filter(c => c.Rows > 1 && c.InFeatures > 1), c =>
        {
            int stride = c.InFeatures + 1;
            // One spare row; System.Numerics.Tensors 10 also rejects strided views with a dimension of length 1, hence > 1.
            var padded = new T[(c.Rows + 1) * stride];
            Array.Fill(padded, T.NaN);
            for (int row = 0; row < c.Rows; row++)
            {
                Array.Copy(c.Input, row * c.InFeatures, padded, row * stride, c.InFeatures);
            }

            var view = new ReadOnlyTensorSpan<T>(padded, [c.Rows, c.InFeatures], [stride, 1]);
            Tensor<T> dense = Tensor.Create((T[])c.Input.Clone(), [c.Rows, c.InFeatures]);
            IDenseLayer<T> pyTorch = CreatePyTorchLayer(c.Weight, c.BiasTensor);
            IDenseLayer<T> keras = CreateKerasLayer(c.KernelInOut, c.BiasTensor, Activation.Linear);
            return Verdicts.All(
                Verdicts.Identical("PyTorch: strided input", Subject, c.ToString(), Matrices.Values(pyTorch.Forward(dense)), Matrices.Values(pyTorch.Forward(view)), c.OutFeatures),
                Verdicts.Identical("Keras: strided input", Subject, c.ToString(), Matrices.Values(keras.Forward(dense)), Matrices.Values(keras.Forward(view)), c.OutFeatures));
        });

    /// <summary>The PyTorch layer takes 1-D input (in) → (out), equal to row 0 of the (1, in) batch.</summary>
    [SpecProperty]
    public virtual Property PyTorchTakesOneDimensionalInput() =>
        Prop.ForAll(Generators.LayerCases<T>(), c =>
        {
            T[] row = c.Input.Length >= c.InFeatures ? c.Input[..c.InFeatures] : new T[c.InFeatures];
            IDenseLayer<T> layer = CreatePyTorchLayer(c.Weight, c.BiasTensor);
            Tensor<T> oneD = layer.Forward(Tensor.Create((T[])row.Clone(), [c.InFeatures]));
            Tensor<T> batch = layer.Forward(Tensor.Create(row, [1, c.InFeatures]));
            return oneD.Rank != 1 || oneD.Lengths[0] != c.OutFeatures
                ? Verdicts.Fail("PyTorch 1-D input", Subject, c.ToString(), $"output shape [{string.Join(", ", oneD.Lengths.ToArray())}], expected [{c.OutFeatures}]")
                : Verdicts.Identical("PyTorch 1-D input", Subject, c.ToString(), Matrices.Values(batch), Matrices.Values(oneD), c.OutFeatures);
        });

    /// <summary>The Keras layer rejects rank-1 input with an ArgumentException saying Keras needs rank ≥ 2.</summary>
    [SpecProperty]
    public virtual Property KerasRejectsOneDimensionalInput() =>
        Prop.ForAll(Generators.LayerCases<T>(), c =>
        {
            IDenseLayer<T> layer = CreateKerasLayer(c.KernelInOut, c.BiasTensor, Activation.Linear);
            try
            {
                layer.Forward(Tensor.Create(new T[c.InFeatures], [c.InFeatures]));
                return Verdicts.Fail("Keras rank-1 input", Subject, c.ToString(), "rank-1 input was accepted; Keras Dense requires min_ndim=2");
            }
            catch (ArgumentException e)
            {
                return e.Message.Contains("rank", StringComparison.OrdinalIgnoreCase)
                    .Label($"Keras rank-1 input | {Subject} | {c} | the message does not mention the rank: {e.Message}");
            }
        });

    private Property NdAgrees(string convention, LayerCase<T> c, IDenseLayer<T> layer, Tensor<T> flat)
    {
        Tensor<T> nd = layer.Forward(c.InputTensor);
        if (!nd.Lengths.SequenceEqual(c.OutputShape))
        {
            return Verdicts.Fail($"{convention}: N-D output shape", Subject, c.ToString(),
                $"expected [{string.Join(", ", c.OutputShape)}], actual [{string.Join(", ", nd.Lengths.ToArray())}]");
        }

        // The destination overload writes the same values in place.
        var destination = new T[c.Rows * c.OutFeatures];
        layer.Forward(c.InputTensor, new TensorSpan<T>(destination, c.OutputShape));
        Property inPlace = Verdicts.Identical($"{convention}: Forward into a destination", Subject, c.ToString(), Matrices.Values(nd), destination, c.OutFeatures);

        T[] flatOutput = Matrices.Values(layer.Forward(flat));
        return Prop.And(inPlace, PromisesDeterminism
            ? Verdicts.Identical($"{convention}: N-D = flattened", Subject, c.ToString(), flatOutput, Matrices.Values(nd), c.OutFeatures)
            : Verdicts.WithinBound($"{convention}: N-D = flattened", Subject, c.ToString(), c.Reference(), Matrices.Values(nd), 2));
    }
}
