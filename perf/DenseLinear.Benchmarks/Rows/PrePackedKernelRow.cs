using System.Numerics;
using DenseLinear.Benchmarks.Suites;
using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.Rows;

/// <summary>A weight-packing kernel multiplying against weights packed once, untimed, in the constructor.</summary>
public sealed class PrePackedKernelRow<T> : IBenchmarkRow
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IWeightPackingKernel<T> kernel;
    private readonly MatMulData<T> data;
    private readonly PackedWeights<T> packed;

    public PrePackedKernelRow(IWeightPackingKernel<T> kernel, MatMulData<T> data)
    {
        this.kernel = kernel;
        this.data = data;
        packed = kernel.Pack(data.W, data.Shape.K, data.Shape.N, data.Layout);
    }

    public object Run()
    {
        kernel.Multiply(data.X, packed, data.Y, data.Shape.M);
        return data.Y;
    }
}
