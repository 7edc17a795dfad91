using System.Numerics;
using System.Numerics.Tensors;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// One <c>F.linear</c> problem: input (*batch, in) of rank 1 to 5 (batch dimensions may be zero), weight [out, in],
/// optional bias [out], and the upstream gradient dY (*batch, out) of the loss <c>sum(y ⊙ dY)</c>.
/// </summary>
public sealed record TorchLinearCase<T>(int[] BatchShape, int InFeatures, int OutFeatures, T[] Input, T[] Weight, T[]? Bias, T[] OutputGradient)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>m: the number of input rows, the product of the batch dimensions (1 for a 1-D input).</summary>
    public int Rows => BatchShape.Aggregate(1, (a, b) => a * b);

    public int[] InputShape => [.. BatchShape, InFeatures];

    public int[] OutputShape => [.. BatchShape, OutFeatures];

    public Tensor<T> InputTensor => Tensor.Create(Input, [.. InputShape.Select(d => (nint)d)]);

    public Tensor<T> OutputGradientTensor => Tensor.Create(OutputGradient, [.. OutputShape.Select(d => (nint)d)]);

    /// <summary>dYᵀ [out, m].</summary>
    public T[] OutputGradientTransposed => Transpose(OutputGradient, Rows, OutFeatures);

    /// <summary>Xᵀ [in, m].</summary>
    public T[] InputTransposed => Transpose(Input, Rows, InFeatures);

    public override string ToString() =>
        $"{typeof(T).Name} input [{string.Join(", ", InputShape)}], weight [{OutFeatures}, {InFeatures}], {(Bias is null ? "no bias" : "bias")}";

    /// <summary>Smaller cases for the shrinker: one output, one input feature, one leading row or the bias fewer.</summary>
    public IEnumerable<TorchLinearCase<T>> Shrink()
    {
        if (Bias is not null)
        {
            yield return this with { Bias = null };
        }

        if (OutFeatures > 1)
        {
            int n = OutFeatures - 1;
            yield return this with
            {
                OutFeatures = n,
                Weight = Weight[..^InFeatures],
                Bias = Bias?[..^1],
                OutputGradient = [.. OutputGradient.Where((_, index) => index % OutFeatures != n)],
            };
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

        if (BatchShape.Length > 0 && BatchShape[0] > 0)
        {
            int[] batch = [BatchShape[0] - 1, .. BatchShape[1..]];
            int rows = batch.Aggregate(1, (a, b) => a * b);
            yield return this with { BatchShape = batch, Input = Input[..(rows * InFeatures)], OutputGradient = OutputGradient[..(rows * OutFeatures)] };
        }
    }

    private static T[] Transpose(T[] matrix, int rows, int columns)
    {
        var transposed = new T[matrix.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                transposed[(c * rows) + r] = matrix[(r * columns) + c];
            }
        }

        return transposed;
    }
}
