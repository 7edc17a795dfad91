using System.Runtime.InteropServices;
using DenseLinear.IO;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>The state_dicts the checkpoint writer tests write: every dtype and shape, random bits and special values.</summary>
public static class WrittenStateDicts
{
    public static readonly TensorDType[] DTypes = [TensorDType.Float32, TensorDType.Float64, TensorDType.Float16, TensorDType.BFloat16];

    /// <summary>0-d, zero-size in each position, 1-d, matrices and a rank-4 shape.</summary>
    public static readonly long[][] Shapes = [[], [0], [3], [2, 3], [2, 0, 3], [3, 0], [0, 0], [1, 1, 1, 5], [4, 70]];

    /// <summary>
    /// One tensor per dtype and shape of random bits (NaN payloads and subnormals included), then one per dtype of special
    /// values, named so that neither the sorted nor the creation order of names is the order written: the names run
    /// backwards and include digits, dots and non-ASCII letters.
    /// </summary>
    public static SafetensorsContent EveryDTypeAndShape(int seed)
    {
        var random = new Random(seed);
        var tensors = new List<KeyValuePair<string, StoredTensor>>();
        foreach (TensorDType dtype in DTypes)
        {
            for (int s = 0; s < Shapes.Length; s++)
            {
                tensors.Add(new($"layer{Shapes.Length - s}.{dtype}.wéight", RandomBits(random, dtype, Shapes[s])));
            }

            tensors.Add(new($"Ω.{dtype}.specials", Specials(dtype)));
        }

        tensors.Reverse();
        return new SafetensorsContent(tensors);
    }

    /// <summary>A tensor of <paramref name="shape"/> whose elements are random bit patterns of <paramref name="dtype"/>.</summary>
    public static StoredTensor RandomBits(Random random, TensorDType dtype, long[] shape)
    {
        int count = (int)shape.Aggregate(1L, (product, dimension) => product * dimension);
        byte[] bytes = new byte[count * ItemSize(dtype)];
        random.NextBytes(bytes);
        return FromBytes(dtype, bytes, shape);
    }

    /// <summary>The tensor of <paramref name="dtype"/> and <paramref name="shape"/> whose little-endian bytes are <paramref name="bytes"/>.</summary>
    public static StoredTensor FromBytes(TensorDType dtype, byte[] bytes, long[] shape) => dtype switch
    {
        TensorDType.Float32 => StoredTensor.Create(MemoryMarshal.Cast<byte, float>(bytes), shape),
        TensorDType.Float64 => StoredTensor.Create(MemoryMarshal.Cast<byte, double>(bytes), shape),
        TensorDType.Float16 => StoredTensor.Create(MemoryMarshal.Cast<byte, Half>(bytes), shape),
        _ => StoredTensor.Create(MemoryMarshal.Cast<byte, BFloat16>(bytes), shape),
    };

    /// <summary>The little-endian bytes of <paramref name="tensor"/>'s values.</summary>
    public static byte[] Bytes(StoredTensor tensor) => tensor.DType switch
    {
        TensorDType.Float32 => MemoryMarshal.AsBytes(tensor.GetValues<float>()).ToArray(),
        TensorDType.Float64 => MemoryMarshal.AsBytes(tensor.GetValues<double>()).ToArray(),
        TensorDType.Float16 => MemoryMarshal.AsBytes(tensor.GetValues<Half>()).ToArray(),
        _ => MemoryMarshal.AsBytes(tensor.GetBFloat16Values()).ToArray(),
    };

    /// <summary>torch's name of <paramref name="dtype"/>, as <c>str(tensor.dtype)</c> without <c>torch.</c>.</summary>
    public static string TorchName(TensorDType dtype) => dtype switch
    {
        TensorDType.Float32 => "float32",
        TensorDType.Float64 => "float64",
        TensorDType.Float16 => "float16",
        _ => "bfloat16",
    };

    public static int ItemSize(TensorDType dtype) => dtype switch
    {
        TensorDType.Float32 => 4,
        TensorDType.Float64 => 8,
        _ => 2,
    };

    // ±0, ±∞, a quiet NaN with a payload, a signalling NaN, a negative NaN, the smallest subnormal and the largest finite.
    private static StoredTensor Specials(TensorDType dtype) => dtype switch
    {
        TensorDType.Float32 => StoredTensor.Create(Bits<uint, float>([0x00000000, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC12345, 0x7F800001, 0xFFC00000, 0x00000001, 0x7F7FFFFF]), 9),
        TensorDType.Float64 => StoredTensor.Create(Bits<ulong, double>([0, 0x8000000000000000, 0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000012345, 0x7FF0000000000001, 0xFFF8000000000000, 1, 0x7FEFFFFFFFFFFFFF]), 9),
        TensorDType.Float16 => StoredTensor.Create(Bits<ushort, Half>([0x0000, 0x8000, 0x7C00, 0xFC00, 0x7E45, 0x7C01, 0xFE00, 0x0001, 0x7BFF]), 9),
        _ => StoredTensor.Create(Bits<ushort, BFloat16>([0x0000, 0x8000, 0x7F80, 0xFF80, 0x7FC5, 0x7F81, 0xFFC0, 0x0001, 0x7F7F]), 9),
    };

    private static TValue[] Bits<TBits, TValue>(TBits[] bits)
        where TBits : unmanaged
        where TValue : unmanaged => MemoryMarshal.Cast<TBits, TValue>(bits).ToArray();
}
