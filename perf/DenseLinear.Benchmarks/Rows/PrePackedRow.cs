using System.Numerics;
using DenseLinear.Benchmarks.Suites;
using DenseLinear.Kernels;

namespace DenseLinear.Benchmarks.Rows;

/// <summary>
/// Rows for registry kernels that can pack weights once in advance (<see cref="IWeightPackingKernel{T}"/>): the
/// packing happens untimed in the constructor, as a layer does when it is built, and the timed call only
/// multiplies. Named "&lt;kernel&gt;+prepacked".
/// </summary>
public static class PrePackedRow<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const string Suffix = "+prepacked";

    public static IEnumerable<string> Names =>
        BuiltInKernels<T>.All.OfType<IWeightPackingKernel<T>>().Select(k => k.Name + Suffix);

    public static IBenchmarkRow? TryCreate(string name, MatMulData<T> data) =>
        name.EndsWith(Suffix, StringComparison.Ordinal)
            ? new PrePackedKernelRow<T>((IWeightPackingKernel<T>)BuiltInKernels<T>.Get(name[..^Suffix.Length]), data)
            : null;
}
