using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Layers;

namespace DenseLinear.Properties.Mutants;

/// <summary>A correct PyTorch-convention layer with one <see cref="LayerDefect"/> wrapped around its forward pass.</summary>
public sealed class BrokenLayer<T> : IDenseLayer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LinearLayer<T> inner;
    private readonly T[]? bias;
    private readonly LayerDefect defect;

    public BrokenLayer(Tensor<T> weight, Tensor<T>? bias, IMatMulKernel<T> kernel, LayerDefect defect)
    {
        this.defect = defect;
        int outFeatures = (int)weight.Lengths[0];
        if (defect == LayerDefect.BiasLengthUnchecked && bias is not null && bias.FlattenedLength > outFeatures)
        {
            var truncated = new T[bias.FlattenedLength];
            bias.FlattenTo(truncated);
            bias = Tensor.Create(truncated[..outFeatures], [outFeatures]);
        }

        if (defect == LayerDefect.BiasOnFirstRowOnly && bias is not null)
        {
            this.bias = new T[bias.FlattenedLength];
            bias.FlattenTo(this.bias);
            bias = null;
        }

        inner = new LinearLayer<T>(weight, bias, kernel);
    }

    public int InFeatures => inner.InFeatures;

    public int OutFeatures => inner.OutFeatures;

    public Tensor<T> Forward(in ReadOnlyTensorSpan<T> input)
    {
        Tensor<T> output = inner.Forward(input);
        if (bias is not null)
        {
            var values = new T[output.FlattenedLength];
            output.FlattenTo(values);
            for (int j = 0; j < Math.Min(OutFeatures, values.Length); j++)
            {
                values[j] += bias[j];
            }

            output = Tensor.Create(values, output.Lengths);
        }

        return defect == LayerDefect.NdOutputLeftFlat && input.Rank > 2
            ? Tensor.Reshape(output, [output.FlattenedLength / Math.Max(OutFeatures, 1), OutFeatures])
            : output;
    }

    public void Forward(in ReadOnlyTensorSpan<T> input, in TensorSpan<T> destination) => inner.Forward(input, destination);
}
