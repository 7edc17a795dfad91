namespace DenseLinear.Properties.Limits;

/// <summary>
/// What the public API promises about shapes, written out independently of the library: which calls must succeed
/// and with which output shape. Every count is held against <see cref="Array.MaxLength"/>.
/// </summary>
internal static class ShapeContract
{
    /// <summary>Whether the product of <paramref name="lengths"/> fits an array (a zero length makes it 0).</summary>
    public static bool Fits(IEnumerable<nint> lengths) => Count(lengths) <= Array.MaxLength;

    /// <summary>The exact product of <paramref name="lengths"/>.</summary>
    public static System.Numerics.BigInteger Count(IEnumerable<nint> lengths) =>
        lengths.Aggregate(System.Numerics.BigInteger.One, (count, length) => count * (long)length);

    /// <summary>A layer weight: rank 2, fits an array, both lengths int feature counts; a bias of the output length.</summary>
    public static bool IsLayer(nint[] weight, nint[]? bias, int outputAxis) =>
        weight.Length == 2 && Fits(weight) && weight[0] <= int.MaxValue && weight[1] <= int.MaxValue
        && (bias is null || (bias.Length == 1 && bias[0] == weight[outputAxis] && Fits(bias)));

    /// <summary>The output (*, out) of input (*, in), or null when the input does not fit the layer or a count an array.</summary>
    public static nint[]? Output(nint[] input, int inFeatures, int outFeatures, int minimumRank)
    {
        if (input.Length < minimumRank || input.Length == 0 || input[^1] != inFeatures)
        {
            return null;
        }

        nint[] output = [.. input[..^1], outFeatures];
        // A tensor's nonzero lengths multiply to below 2⁶³ (System.Numerics.Tensors computes strides from them).
        bool representable = Count(output.Where(length => length != 0)) <= long.MaxValue;
        return Fits(input) && Fits(output) && Fits(input[..^1]) && representable ? output : null;
    }
}
