using System.Runtime.InteropServices;
using DenseLinear.Kernels;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// The mixed-precision kernels widen 16-bit weights exactly and keep the float kernels' chains, so their outputs must
/// equal, bit for bit, the float kernels' outputs on the widened weights: the packed one <see cref="PackedKernel{T}"/>'s
/// (one FMA per term), the naive one <see cref="NaiveKernel{T}"/>'s (a multiply and an add per term). Vector512 runs in
/// software where the hardware lacks it, so every machine checks the AVX-512 widening loops too.
/// </summary>
public sealed class MixedPrecisionKernelTests
{
    public static TheoryData<string> Blockings { get; } = ["machine", .. ForcedBlockings.Names];

    [Fact]
    public void Every_bfloat16_and_binary16_pattern_widens_exactly_on_every_loop()
    {
        // All 2¹⁶ patterns as a [2048×32] K, packed into one panel (each column at its lane position) and widened back.
        ushort[] all = [.. Enumerable.Range(0, 1 << 16).Select(i => (ushort)i)];
        var panel = new ushort[all.Length];
        MixedPrecisionGemm.PackWeights(all, 2048, 32, WeightLayout.InOut, panel);
        WidensExactly<BFloat16Format>(all, panel, bits => (float)BFloat16.FromBits(bits));
        WidensExactly<Binary16Format>(all, panel, bits => (float)BitConverter.UInt16BitsToHalf(bits));
    }

    [Fact]
    public void The_AVX512_widening_tile_equals_the_float_tile_on_the_widened_panel()
    {
        // Run directly (in software where the hardware lacks AVX-512), so every machine checks the fused tile's bits.
        TileAgrees<BFloat16Format>(new Random(37));
        TileAgrees<Binary16Format>(new Random(38));
    }

    [Theory]
    [MemberData(nameof(Blockings))]
    public void The_packed_mixed_kernel_equals_the_packed_float_kernel_on_the_widened_weights(string blocking)
    {
        GemmBlocking<float> blocks = blocking == "machine" ? GemmBlocking<float>.Machine : ForcedBlockings.Of<float>(blocking);
        var random = new Random(blocking.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        for (int trial = 0; trial < 60; trial++)
        {
            int m = trial % 5 == 0 ? 1 : random.Next(0, 40);
            int k = random.Next(0, 90);
            int n = random.Next(0, 80);
            WeightLayout layout = random.Next(2) == 0 ? WeightLayout.InOut : WeightLayout.OutIn;
            float[] x = Values(random, m * k);
            ushort[] bits = Bits(random, k * n);
            AgreeBitwise<BFloat16>(blocks, x, bits, m, k, n, layout);
            AgreeBitwise<Half>(blocks, x, bits, m, k, n, layout);
        }
    }

    [Fact]
    public void Long_single_rows_equal_the_float_kernel_on_every_panel_count()
    {
        var random = new Random(29);
        foreach (int n in (ReadOnlySpan<int>)[1, 31, 32, 33, 64, 96, 127, 128, 129, 160, 200])
        {
            int k = random.Next(300, 1200);
            AgreeBitwise<BFloat16>(GemmBlocking<float>.Machine, Values(random, k), Bits(random, k * n), 1, k, n, WeightLayout.OutIn);
            AgreeBitwise<Half>(GemmBlocking<float>.Machine, Values(random, k), Bits(random, k * n), 1, k, n, WeightLayout.InOut);
        }
    }

    [Fact]
    public void The_naive_mixed_kernel_equals_the_naive_float_kernel_on_the_widened_weights()
    {
        var random = new Random(31);
        for (int trial = 0; trial < 40; trial++)
        {
            int m = random.Next(0, 9), k = random.Next(0, 40), n = random.Next(0, 20);
            WeightLayout layout = random.Next(2) == 0 ? WeightLayout.InOut : WeightLayout.OutIn;
            float[] x = Values(random, m * k);
            ushort[] bits = Bits(random, k * n);
            foreach (bool brain in (ReadOnlySpan<bool>)[true, false])
            {
                float[] wide = brain ? Widened<BFloat16>(bits) : Widened<Half>(bits);
                var expected = new float[m * n];
                NaiveKernel<float>.Instance.Multiply(x, wide, expected, m, k, n, layout);
                var actual = new float[m * n];
                if (brain)
                {
                    NaiveMixedPrecisionKernel<BFloat16>.Instance.Multiply(x, MemoryMarshal.Cast<ushort, BFloat16>(bits), actual, m, k, n, layout);
                }
                else
                {
                    NaiveMixedPrecisionKernel<Half>.Instance.Multiply(x, MemoryMarshal.Cast<ushort, Half>(bits), actual, m, k, n, layout);
                }

                Assert.Equal(Bits(expected), Bits(actual));
            }
        }
    }

    [Fact]
    public void Bad_arguments_are_named_and_leave_y_untouched()
    {
        var kernel = PackedMixedPrecisionKernel<BFloat16>.Instance;
        var y = new float[6];
        Array.Fill(y, 7f);
        ArgumentException w = Assert.Throws<ArgumentException>(() => kernel.Multiply(new float[6], new BFloat16[5], y, 2, 3, 3, WeightLayout.OutIn));
        Assert.Equal("w", w.ParamName);
        Assert.Contains("x [2×3] · W [3×3]ᵀ (OutIn)", w.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.Multiply(new float[6], new BFloat16[9], y, -1, 3, 3, WeightLayout.InOut));
        float[] shared = new float[12];
        ArgumentException overlap = Assert.Throws<ArgumentException>(() => kernel.Multiply(shared.AsSpan(0, 6), new BFloat16[9], shared.AsSpan(3, 6), 2, 3, 3, WeightLayout.InOut));
        Assert.Contains("overlaps", overlap.Message, StringComparison.Ordinal);
        PackedSixteenBitWeights<BFloat16> packed = kernel.Pack(new BFloat16[9], 3, 3, WeightLayout.InOut);
        ArgumentException x = Assert.Throws<ArgumentException>(() => kernel.Multiply(new float[5], packed, y, 2));
        Assert.Equal("x", x.ParamName);
        Assert.All(y, v => Assert.Equal(7f, v));
        Assert.Throws<NotSupportedException>(() => new PackedMixedPrecisionKernel<short>(GemmBlocking<float>.Machine));
        Assert.Throws<NotSupportedException>(() => MatMulArguments.ValidateMixedPrecision<int>([], [], [], 0, 0, 0, WeightLayout.InOut));
    }

    private static void WidensExactly<TFormat>(ushort[] all, ushort[] panel, Func<ushort, float> expected)
        where TFormat : struct, ISixteenBitFormat
    {
        var vector = new float[all.Length];
        var dispatched = new float[all.Length];
        var scalar = new float[all.Length];
        Vector512WideningKernels.WidenPanelRows<TFormat>(ref panel[0], ref vector[0], all.Length / 32);
        WideningMicroKernels.WidenPanelRows<TFormat>(panel, dispatched);
        ScalarWidening.WidenPanelRows<TFormat>(panel, scalar);
        for (int i = 0; i < all.Length; i++)
        {
            uint bits = BitConverter.SingleToUInt32Bits(expected(all[i]));
            foreach ((string loop, float[] widened) in new[] { ("Vector512", vector), ("dispatched", dispatched), ("scalar", scalar) })
            {
                Assert.True(bits == BitConverter.SingleToUInt32Bits(widened[i]), $"{typeof(TFormat).Name} 0x{all[i]:X4}: {loop} gave 0x{BitConverter.SingleToUInt32Bits(widened[i]):X8}, expected 0x{bits:X8}");
            }
        }
    }

    private static void TileAgrees<TFormat>(Random random)
        where TFormat : struct, ISixteenBitFormat
    {
        foreach (bool accumulate in (ReadOnlySpan<bool>)[false, true])
        {
            int kc = random.Next(1, 70);
            float[] a = Values(random, kc * 12);
            ushort[] natural = Bits(random, kc * 32);
            var panel = new ushort[natural.Length];
            MixedPrecisionGemm.PackWeights(natural, kc, 32, WeightLayout.InOut, panel);
            var wide = new float[panel.Length];
            ScalarWidening.WidenPanelRows<TFormat>(panel, wide);
            float[] start = Values(random, 12 * 40);
            float[] expected = [.. start];
            float[] actual = [.. start];
            Vector512MicroKernels<float>.Tile(kc, ref a[0], ref wide[0], ref expected[0], 40, accumulate);
            Vector512WideningKernels.Tile<TFormat>(kc, ref a[0], ref panel[0], ref actual[0], 40, accumulate);
            Assert.Equal(Bits(expected), Bits(actual));
        }
    }

    private static void AgreeBitwise<TWeight>(GemmBlocking<float> blocking, float[] x, ushort[] bits, int m, int k, int n, WeightLayout layout)
        where TWeight : unmanaged
    {
        float[] wide = Widened<TWeight>(bits);
        var expected = new float[m * n];
        new PackedKernel<float>(blocking).Multiply(x, wide, expected, m, k, n, layout);
        var kernel = new PackedMixedPrecisionKernel<TWeight>(blocking);
        ReadOnlySpan<TWeight> w = MemoryMarshal.Cast<ushort, TWeight>(bits);
        var unpacked = new float[(m * n) + 3];
        unpacked.AsSpan(m * n).Fill(float.NaN);
        kernel.Multiply(x, w, unpacked, m, k, n, layout);
        var packed = new float[m * n];
        kernel.Multiply(x, kernel.Pack(w, k, n, layout), packed, m);
        string shape = $"{typeof(TWeight).Name} {blocking} x [{m}×{k}] {layout} n {n}";
        Assert.True(Bits(expected).SequenceEqual(Bits(unpacked.AsSpan(0, m * n))), $"unpacked differs: {shape}");
        Assert.True(Bits(expected).SequenceEqual(Bits(packed)), $"packed differs: {shape}");
        Assert.All(unpacked[(m * n)..], v => Assert.True(float.IsNaN(v), $"wrote past y: {shape}"));
    }

    private static float[] Widened<TWeight>(ushort[] bits)
        where TWeight : unmanaged
    {
        var wide = new float[bits.Length];
        WeightWidening.ToSingle(MemoryMarshal.Cast<ushort, TWeight>(bits), wide);
        return wide;
    }

    // Finite 16-bit values of moderate size in both formats: sign, an exponent near the bias, any fraction.
    private static ushort[] Bits(Random random, int count)
    {
        var bits = new ushort[count];
        for (int i = 0; i < count; i++)
        {
            bits[i] = (ushort)((random.Next(2) << 15) | (random.Next(0x3400, 0x4400) & 0x7FFF));
        }

        return bits;
    }

    private static float[] Values(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 4) - 2))];

    private static uint[] Bits(ReadOnlySpan<float> values) => [.. MemoryMarshal.Cast<float, uint>(values)];
}
