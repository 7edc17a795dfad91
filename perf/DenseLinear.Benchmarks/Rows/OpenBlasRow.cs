using System.Numerics;
using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.Rows;

/// <summary>OpenBLAS gemm (gemv for one row) on the same operands, with its thread count pinned at setup.</summary>
public sealed class OpenBlasRow<T> : IBenchmarkRow
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly MatMulData<T> data;

    public OpenBlasRow(MatMulData<T> data, int threads)
    {
        if (!OpenBlasLibrary.IsAvailable)
        {
            throw new InvalidOperationException($"OpenBLAS is {OpenBlasLibrary.Describe()}");
        }

        // A full run times this case in a child process that never ran Main's check; a wrong binding fails the case here.
        OpenBlasCheck.ThrowIfFailed();
        this.data = data;

        // The thread count is process-wide; every OpenBLAS row sets its own before it is measured.
        OpenBlasLibrary.SetThreads(threads);
    }

    public object Run()
    {
        OpenBlasLibrary.Multiply(data);
        return data.Y;
    }
}
