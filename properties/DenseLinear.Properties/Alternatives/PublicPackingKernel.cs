using System.Numerics;
using DenseLinear.Kernels;

namespace DenseLinear.Properties.Alternatives;

/// <summary>
/// A weight-packing kernel written the way a user outside this library would write one: only public API
/// (<see cref="PackedWeights{T}.Create{TState}"/>, <see cref="PackedWeights{T}.ValidatePack"/>,
/// <see cref="PackedWeights{T}.ValidateMultiply"/>), a panel format of its own (panels of 4 outputs, lane-major:
/// <c>panel[lane, p]</c>, so output j's k weights start at j·k and the padding lanes come last), and the naive
/// multiply-then-add order in both calls (the plain one is <see cref="NaiveKernel{T}"/>), so the packed product is
/// bitwise the plain one. It must pass the whole specification, the packed-weights family included.
/// </summary>
public sealed class PublicPackingKernel<T> : IWeightPackingKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const int PanelWidth = 4;

    public string Name => "PublicPacking";

    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout) =>
        NaiveKernel<T>.Instance.Multiply(x, w, y, m, k, n, layout);

    public PackedWeights<T> Pack(ReadOnlySpan<T> w, int k, int n, WeightLayout layout)
    {
        PackedWeights<T>.ValidatePack(w, k, n, layout, PanelWidth);
        return PackedWeights<T>.Create(k, n, PanelWidth, layout, w, (panels, source) =>
        {
            for (int j = 0; j < n; j++)
            {
                Span<T> lane = panels.Slice(j * k, k);
                for (int p = 0; p < k; p++)
                {
                    lane[p] = layout == WeightLayout.InOut ? source[(p * n) + j] : source[(j * k) + p];
                }
            }
        });
    }

    public void Multiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m)
    {
        PackedWeights<T>.ValidateMultiply(x, w, y, m, PanelWidth);
        int k = w.K, n = w.N;
        ReadOnlySpan<T> panels = w.Panels;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                ReadOnlySpan<T> lane = panels.Slice(j * k, k);
                T sum = T.Zero;
                for (int p = 0; p < k; p++)
                {
                    sum += x[(i * k) + p] * lane[p];
                }

                y[(i * n) + j] = sum;
            }
        }
    }

    public override string ToString() => Name;
}
