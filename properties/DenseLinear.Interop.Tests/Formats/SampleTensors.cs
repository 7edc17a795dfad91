using DenseLinear.IO;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>Tensors whose bit patterns a lossy path would change: NaN payloads, signed zeros, subnormals, infinities.</summary>
public static class SampleTensors
{
    /// <summary>Shapes covering 0-d, zero-size, 1-d and higher ranks.</summary>
    public static readonly long[][] Shapes = [[], [0], [5], [2, 3], [2, 0, 3], [3, 1, 4], [2, 3, 2, 2]];

    /// <summary>The dtypes NumPy holds: all but bfloat16.</summary>
    public static readonly TensorDType[] NpyDTypes = [TensorDType.Float32, TensorDType.Float64, TensorDType.Float16];

    /// <summary>A tensor of <paramref name="dtype"/> and <paramref name="shape"/> filled with awkward values.</summary>
    public static StoredTensor Awkward(TensorDType dtype, long[] shape)
    {
        int count = (int)shape.Aggregate(1L, (a, b) => a * b);
        switch (dtype)
        {
            case TensorDType.Float32:
                float[] special = [-0f, float.Epsilon, -float.MaxValue, float.PositiveInfinity, BitConverter.UInt32BitsToSingle(0x7FC0_1234), 1f / 3];
                return StoredTensor.Create<float>(Fill(count, special, i => (i * 0.37f) - 2), shape);
            case TensorDType.Float64:
                double[] specialDoubles = [-0d, double.Epsilon, -double.MaxValue, double.NegativeInfinity, BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_1234), 1d / 3];

                return StoredTensor.Create<double>(Fill(count, specialDoubles, i => (i * 0.37) - 2), shape);
            case TensorDType.BFloat16:
                // -0, the smallest subnormal, -largest finite, +∞, a signalling NaN with a payload, 1/3 rounded.
                BFloat16[] specialBFloats = [.. new ushort[] { 0x8000, 0x0001, 0xFF7F, 0x7F80, 0x7F81, 0x3EAB }.Select(BFloat16.FromBits)];
                return StoredTensor.Create(Fill(count, specialBFloats, i => (BFloat16)((i * 0.37f) - 2)), shape);
            default:
                Half[] specialHalves = [.. new ushort[] { 0x8000, 0x0001, 0xFBFF, 0x7C00, 0x7C01, 0xFE12 }.Select(BitConverter.UInt16BitsToHalf)];
                return StoredTensor.Create<Half>(Fill(count, specialHalves, i => (Half)((i * 0.37f) - 2)), shape);
        }
    }

    private static T[] Fill<T>(int count, T[] special, Func<int, T> ordinary) =>
        [.. Enumerable.Range(0, count).Select(i => i < special.Length ? special[i] : ordinary(i))];
}
