using DenseLinear.IO;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>Tensors whose bit patterns a lossy path would change: NaN payloads, signed zeros, subnormals, infinities.</summary>
public static class SampleTensors
{
    /// <summary>Shapes covering 0-d, zero-size, 1-d and higher ranks.</summary>
    public static readonly long[][] Shapes = [[], [0], [5], [2, 3], [2, 0, 3], [3, 1, 4], [2, 3, 2, 2]];

    /// <summary>A tensor of <paramref name="dtype"/> and <paramref name="shape"/> filled with awkward values.</summary>
    public static StoredTensor Awkward(TensorDType dtype, long[] shape)
    {
        int count = (int)shape.Aggregate(1L, (a, b) => a * b);
        if (dtype == TensorDType.Float32)
        {
            float[] special = [-0f, float.Epsilon, -float.MaxValue, float.PositiveInfinity, BitConverter.UInt32BitsToSingle(0x7FC0_1234), 1f / 3];
            return StoredTensor.Create<float>(Enumerable.Range(0, count).Select(i => i < special.Length ? special[i] : (i * 0.37f) - 2).ToArray(), shape);
        }

        double[] specialDoubles = [-0d, double.Epsilon, -double.MaxValue, double.NegativeInfinity, BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_1234), 1d / 3];
        return StoredTensor.Create<double>(Enumerable.Range(0, count).Select(i => i < specialDoubles.Length ? specialDoubles[i] : (i * 0.37) - 2).ToArray(), shape);
    }
}
