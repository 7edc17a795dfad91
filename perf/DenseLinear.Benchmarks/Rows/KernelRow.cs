using System.Numerics;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.Rows;

/// <summary>A registry kernel called directly on spans: no allocation, weights as the layout stores them.</summary>
public sealed class KernelRow<T>(IMatMulKernel<T> kernel, MatMulData<T> data) : IBenchmarkRow
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public object Run()
    {
        MatMulShape s = data.Shape;
        kernel.Multiply(data.X, data.W, data.Y, s.M, s.K, s.N, data.Layout);
        return data.Y;
    }
}
