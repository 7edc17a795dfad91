using System.Numerics;
using DenseLinear.Benchmarks.LibTorch;
using DenseLinear.Benchmarks.OpenBlas;
using DenseLinear.Benchmarks.Suites;
using TorchSharp;

namespace DenseLinear.Benchmarks.Rows;

/// <summary>
/// libtorch on the same operands, as PyTorch computes a layer: <c>F.linear(x, W)</c> (x·Wᵀ, what <c>nn.Linear</c>
/// calls) for OutIn and <c>matmul(x, K)</c> for InOut, with its thread count pinned at setup. The operands are
/// copied into tensors once; each call allocates its output tensor, as a PyTorch forward pass does, and frees it.
/// </summary>
public sealed class LibTorchRow<T> : IBenchmarkRow
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly Lazy<IReadOnlyList<string>> CheckFailures = new(() => OpenBlasCheck.Compare(Multiply, Multiply));

    private readonly torch.Tensor x;
    private readonly torch.Tensor w;
    private readonly WeightLayout layout;

    public LibTorchRow(MatMulData<T> data, int threads)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!LibTorchLibrary.IsAvailable)
        {
            throw new InvalidOperationException(LibTorchLibrary.Describe());
        }

        // A wrong layout or transpose shows here as a large error against the naive kernel, not as a fast row.
        if (CheckFailures.Value.Count > 0)
        {
            throw new InvalidOperationException($"libtorch disagrees with Naive; refusing to time it. {string.Join(" ", CheckFailures.Value)}");
        }

        layout = data.Layout;
        x = Tensor(data.X, data.Shape.M, data.Shape.K);
        w = layout == WeightLayout.OutIn ? Tensor(data.W, data.Shape.N, data.Shape.K) : Tensor(data.W, data.Shape.K, data.Shape.N);
        LibTorchLibrary.SetThreads(threads);
    }

    public object Run()
    {
        using torch.Tensor y = Product(x, w, layout);
        return y.shape;
    }

    private static torch.Tensor Product(torch.Tensor x, torch.Tensor w, WeightLayout layout) =>
        layout == WeightLayout.OutIn ? torch.nn.functional.linear(x, w) : torch.matmul(x, w);

    private static torch.Tensor Tensor<TValue>(TValue[] values, int rows, int columns)
        where TValue : unmanaged, IFloatingPointIeee754<TValue> =>
        typeof(TValue) == typeof(float)
            ? torch.tensor((float[])(object)values, [rows, columns])
            : torch.tensor((double[])(object)values, [rows, columns]);

    private static void Multiply<TValue>(MatMulData<TValue> d)
        where TValue : unmanaged, IFloatingPointIeee754<TValue>
    {
        using torch.Tensor xt = Tensor(d.X, d.Shape.M, d.Shape.K);
        using torch.Tensor wt = d.Layout == WeightLayout.OutIn ? Tensor(d.W, d.Shape.N, d.Shape.K) : Tensor(d.W, d.Shape.K, d.Shape.N);
        using torch.Tensor yt = Product(xt, wt, d.Layout);
        TValue[] y = typeof(TValue) == typeof(float) ? (TValue[])(object)yt.data<float>().ToArray() : (TValue[])(object)yt.data<double>().ToArray();
        y.CopyTo(d.Y, 0);
    }
}
