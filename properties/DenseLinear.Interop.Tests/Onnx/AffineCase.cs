using System.Numerics;
using System.Numerics.Tensors;
using DenseLinear.Accuracy;

namespace DenseLinear.Interop.Tests.Onnx;

/// <summary>
/// One affine problem in the PyTorch layout: input (*batch, in), weight [out, in], bias [out].
/// The Keras kernel is <see cref="Kernel"/> = weightᵀ.
/// </summary>
public sealed record AffineCase<T>(int[] BatchShape, int InFeatures, int OutFeatures, T[] Input, T[] Weight, T[] Bias)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>m: the number of input rows, the product of the batch dimensions.</summary>
    public int Rows => BatchShape.Aggregate(1, (a, b) => a * b);

    /// <summary>K [in, out] = Weightᵀ.</summary>
    public T[] Kernel
    {
        get
        {
            var kernel = new T[Weight.Length];
            for (int o = 0; o < OutFeatures; o++)
            {
                for (int i = 0; i < InFeatures; i++)
                {
                    kernel[(i * OutFeatures) + o] = Weight[(o * InFeatures) + i];
                }
            }

            return kernel;
        }
    }

    public long[] InputShape => [.. BatchShape.Select(d => (long)d), InFeatures];

    public Tensor<T> InputTensor => Tensor.Create(Input, [.. BatchShape.Select(d => (nint)d), InFeatures]);

    /// <summary>The input as a matrix [m, in].</summary>
    public Tensor<T> InputMatrix => Tensor.Create(Input, [Rows, InFeatures]);

    /// <summary>The reference y = x·Wᵀ + b with its per-element bound.</summary>
    public ExactReference<T> Reference() =>
        ExactReference<T>.Multiply(Input, Weight, Rows, InFeatures, OutFeatures, WeightLayout.OutIn, Bias);

    /// <summary>Smaller cases for the shrinker: one output, one input feature or one leading row fewer.</summary>
    public IEnumerable<AffineCase<T>> Shrink()
    {
        if (OutFeatures > 1)
        {
            yield return this with { OutFeatures = OutFeatures - 1, Weight = Weight[..^InFeatures], Bias = Bias[..^1] };
        }

        if (InFeatures > 1)
        {
            int k = InFeatures - 1;
            yield return this with
            {
                InFeatures = k,
                Input = [.. Input.Where((_, index) => index % InFeatures != k)],
                Weight = [.. Weight.Where((_, index) => index % InFeatures != k)],
            };
        }

        if (BatchShape[0] > 1)
        {
            int[] batch = [BatchShape[0] - 1, .. BatchShape[1..]];
            yield return this with { BatchShape = batch, Input = Input[..(batch.Aggregate(1, (a, b) => a * b) * InFeatures)] };
        }
    }

    public override string ToString() =>
        $"x [{string.Join(", ", InputShape)}] = [{string.Join(", ", Input)}], W [{OutFeatures}, {InFeatures}] = [{string.Join(", ", Weight)}], b = [{string.Join(", ", Bias)}]";
}
