using System.Numerics;
using DenseLinear.Benchmarks.Suites;
using DenseLinear.IO;
using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.Rows;

/// <summary>
/// Rows for the mixed-precision kernel on float suites: the weights rounded to bfloat16 or float16 and packed once,
/// untimed, in 16 bits; the timed call multiplies float x by them with float accumulation. Named
/// "PackedBF16+prepacked" and "PackedF16+prepacked" (BenchmarkDotNet's reports cut parameter values past 20
/// characters), beside the float "Packed+prepacked" they are compared with.
/// </summary>
public static class SixteenBitRow<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The bfloat16 row.</summary>
    public const string BFloat16Name = "PackedBF16" + PrePackedRow<float>.Suffix;

    /// <summary>The float16 row.</summary>
    public const string Float16Name = "PackedF16" + PrePackedRow<float>.Suffix;

    /// <summary>Both rows on float suites, none on double ones.</summary>
    public static IEnumerable<string> Names => typeof(T) == typeof(float) ? [BFloat16Name, Float16Name] : [];

    /// <summary>The row called <paramref name="name"/>, or null when it is not one of these.</summary>
    public static IBenchmarkRow? TryCreate(string name, MatMulData<T> data) => name switch
    {
        BFloat16Name => new Row<BFloat16>((MatMulData<float>)(object)data, TensorDType.BFloat16),
        Float16Name => new Row<Half>((MatMulData<float>)(object)data, TensorDType.Float16),
        _ => null,
    };

    private sealed class Row<TWeight> : IBenchmarkRow
        where TWeight : unmanaged
    {
        private readonly MatMulData<float> data;
        private readonly PackedSixteenBitWeights<TWeight> packed;

        public Row(MatMulData<float> data, TensorDType dtype)
        {
            this.data = data;
            long[] shape = data.Layout == WeightLayout.InOut ? [data.Shape.K, data.Shape.N] : [data.Shape.N, data.Shape.K];
            StoredTensor narrow = StoredTensor.Create<float>(data.W, shape).ConvertTo(dtype);
            ReadOnlySpan<TWeight> weights = typeof(TWeight) == typeof(BFloat16)
                ? System.Runtime.InteropServices.MemoryMarshal.Cast<BFloat16, TWeight>(narrow.GetBFloat16Values())
                : System.Runtime.InteropServices.MemoryMarshal.Cast<Half, TWeight>(narrow.GetValues<Half>());
            packed = PackedMixedPrecisionKernel<TWeight>.Instance.Pack(weights, data.Shape.K, data.Shape.N, data.Layout);
        }

        public object Run()
        {
            PackedMixedPrecisionKernel<TWeight>.Instance.Multiply(data.X, packed, data.Y, data.Shape.M);
            return data.Y;
        }
    }
}
