using System.Numerics;
using DenseLinear.Benchmarks.LibTorch;
using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Benchmarks.Suites;
using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.Rows;

/// <summary>
/// Every row a suite measures, in order: each registry kernel (Naive first), the layer forward, pre-packed
/// kernels, then OpenBLAS and libtorch on one and on two threads where each library loads. A kernel added to
/// <see cref="BuiltInKernels{T}.All"/> appears here without an edit.
/// </summary>
public static class BenchmarkRows<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static IEnumerable<string> Names
    {
        get
        {
            foreach (IMatMulKernel<T> kernel in BuiltInKernels<T>.All)
            {
                yield return kernel.Name;
            }

            yield return RowNames.Layer;
            foreach (string name in PrePackedRow<T>.Names)
            {
                yield return name;
            }

            foreach (string name in SixteenBitRow<T>.Names)
            {
                yield return name;
            }

            if (OpenBlasLibrary.IsAvailable)
            {
                yield return RowNames.OpenBlasSingleThread;
                yield return RowNames.OpenBlasTwoThreads;
            }

            if (LibTorchLibrary.IsAvailable)
            {
                yield return RowNames.LibTorchSingleThread;
                yield return RowNames.LibTorchTwoThreads;
            }
        }
    }

    public static IBenchmarkRow Create(string name, MatMulData<T> data) => name switch
    {
        RowNames.Layer => new LayerRow<T>(data),
        RowNames.OpenBlasSingleThread => new OpenBlasRow<T>(data, threads: 1),
        RowNames.OpenBlasTwoThreads => new OpenBlasRow<T>(data, threads: 2),
        RowNames.LibTorchSingleThread => new LibTorchRow<T>(data, threads: 1),
        RowNames.LibTorchTwoThreads => new LibTorchRow<T>(data, threads: 2),
        _ => SixteenBitRow<T>.TryCreate(name, data) ?? PrePackedRow<T>.TryCreate(name, data) ?? new KernelRow<T>(BuiltInKernels<T>.Get(name), data),
    };
}
