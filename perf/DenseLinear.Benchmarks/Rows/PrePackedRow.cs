using System.Numerics;
using DenseLinear.Benchmarks.Suites;

namespace DenseLinear.Benchmarks.Rows;

/// <summary>
/// ADAPTER TO WIRE AT MERGE: rows for kernels that multiply against weights packed once in advance.
/// </summary>
/// <remarks>
/// The packing interface (<c>IWeightPackingKernel&lt;T&gt;</c> with <c>Pack(w, k, n, layout)</c> and
/// <c>Multiply(x, packed, y, m)</c>) is being added on another branch and does not exist here yet, so this
/// adapter lists no rows. Until then the <see cref="RowNames.Layer"/> row measures the same thing through the
/// public API: the layers prepare their weights in the constructor. To wire it after the merge:
/// <code>
/// Names  = BuiltInKernels&lt;T&gt;.All.Where(k => k is IWeightPackingKernel&lt;T&gt;).Select(k => k.Name + Suffix)
/// Create = var p = (IWeightPackingKernel&lt;T&gt;)BuiltInKernels&lt;T&gt;.Get(name[..^Suffix.Length]);
///          var packed = p.Pack(data.W, s.K, s.N, data.Layout);  // in the constructor, untimed
///          Run: p.Multiply(data.X, packed, data.Y, s.M); return data.Y;
/// </code>
/// </remarks>
public static class PrePackedRow<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const string Suffix = "+prepacked";

    public static IEnumerable<string> Names => [];

    public static IBenchmarkRow? TryCreate(string name, MatMulData<T> data)
    {
        _ = name;
        _ = data;
        return null;
    }
}
