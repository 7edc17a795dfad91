namespace DenseLinear.Initialization;

/// <summary>
/// Which axis of a rank-2 weight is fan-in and which is fan-out. The two frameworks store the same matrix
/// transposed, so the axis depends on the layout; reading the wrong one changes every bound that uses fan-in.
/// </summary>
public static class WeightFans
{
    /// <summary>
    /// The fans of a [<paramref name="rows"/>, <paramref name="columns"/>] weight stored in <paramref name="layout"/>.
    /// </summary>
    /// <remarks>
    /// <see cref="WeightLayout.OutIn"/> (PyTorch <c>weight</c> [out, in]): <c>torch.nn.init._calculate_fan_in_and_fan_out</c>
    /// takes fan_in = <c>size(1)</c> = columns, fan_out = <c>size(0)</c> = rows.
    /// <see cref="WeightLayout.InOut"/> (Keras <c>kernel</c> [in, units]): Keras' <c>compute_fans</c> takes
    /// fan_in = <c>shape[0]</c> = rows, fan_out = <c>shape[1]</c> = columns.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or the layout is undefined.</exception>
    public static (int FanIn, int FanOut) Of(int rows, int columns, WeightLayout layout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        return layout switch
        {
            WeightLayout.OutIn => (columns, rows),
            WeightLayout.InOut => (rows, columns),
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Undefined weight layout."),
        };
    }
}
