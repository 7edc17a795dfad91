using System.Numerics;
using DenseLinear;
using DenseLinear.Kernels;

namespace ThirdPartyKernel;

/// <summary>
/// A kernel outside DenseLinear that packs its weights once (<see cref="IWeightPackingKernel{T}"/>), in a panel format
/// of its own: panels of 4 outputs, k-major (<c>panel[p·4 + lane] = W(p, 4·panel + lane)</c>), the last one
/// zero-padded. It is built from the packages' public API only: <see cref="PackedWeights{T}.Create{TState}"/> to
/// allocate and fill the panels, <see cref="PackedWeights{T}.Panels"/> to read them back, and the two validation
/// helpers for the argument checks the specification demands. The plain call is <see cref="RegisterBlockedKernel{T}"/>;
/// the packed call sums every output in the same order with the same operations, so the two agree bit for bit.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class PanelPackingKernel<T> : IWeightPackingKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int PanelWidth = 4;

    private readonly RegisterBlockedKernel<T> plain = new();

    /// <inheritdoc />
    public string Name => "ThirdParty.PanelPacking4";

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, int m, int k, int n, WeightLayout layout) =>
        plain.Multiply(x, w, y, m, k, n, layout);

    /// <inheritdoc />
    public PackedWeights<T> Pack(ReadOnlySpan<T> w, int k, int n, WeightLayout layout)
    {
        PackedWeights<T>.ValidatePack(w, k, n, layout, PanelWidth);

        // W(p, j) is w[p·pStride + j·jStride] in either layout.
        int pStride = layout == WeightLayout.InOut ? n : 1;
        int jStride = layout == WeightLayout.InOut ? 1 : k;
        return PackedWeights<T>.Create(k, n, PanelWidth, layout, w, (panels, source) =>
        {
            for (int j = 0; j < n; j++)
            {
                int panelStart = j / PanelWidth * PanelWidth * k;
                for (int p = 0; p < k; p++)
                {
                    panels[panelStart + (p * PanelWidth) + (j % PanelWidth)] = source[(p * pStride) + (j * jStride)];
                }
            }
        });
    }

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<T> x, PackedWeights<T> w, Span<T> y, int m)
    {
        PackedWeights<T>.ValidateMultiply(x, w, y, m, PanelWidth);
        int k = w.K;
        int n = w.N;
        ReadOnlySpan<T> panels = w.Panels;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                int at = (j / PanelWidth * PanelWidth * k) + (j % PanelWidth);
                T sum = T.Zero;
                for (int p = 0; p < k; p++)
                {
                    sum += x[(i * k) + p] * panels[at + (p * PanelWidth)];
                }

                y[(i * n) + j] = sum;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
