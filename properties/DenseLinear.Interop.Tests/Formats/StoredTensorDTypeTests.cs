using System.Numerics.Tensors;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>
/// The 16-bit dtypes of <see cref="StoredTensor"/>: created, read and compared as stored, widened exactly to float and
/// double, and narrowed from float by <see cref="StoredTensor.ConvertTo"/> with <see cref="BFloat16"/>'s and
/// <see cref="Half"/>'s rules (themselves tested over all 2¹⁶ patterns in DenseLinear.Properties).
/// </summary>
public sealed class StoredTensorDTypeTests
{
    private static readonly BFloat16[] AllBFloat16 = [.. Enumerable.Range(0, 1 << 16).Select(bits => BFloat16.FromBits((ushort)bits))];

    private static readonly Half[] AllHalves = [.. Enumerable.Range(0, 1 << 16).Select(bits => BitConverter.UInt16BitsToHalf((ushort)bits))];

    [Fact]
    public void The_new_dtypes_are_appended_after_the_existing_ones()
    {
        Assert.Equal([TensorDType.Float32, TensorDType.Float64, TensorDType.BFloat16, TensorDType.Float16], Enum.GetValues<TensorDType>());
        Assert.Equal([0, 1, 2, 3], Enum.GetValues<TensorDType>().Select(dtype => (int)dtype));
    }

    [Fact]
    public void A_16_bit_tensor_holds_a_copy_of_the_bits_it_was_created_with()
    {
        BFloat16[] bfloats = [BFloat16.FromBits(0x7F81), BFloat16.FromBits(0x8000), BFloat16.FromBits(0x0001), BFloat16.FromBits(0x3F80)];
        StoredTensor bf16 = StoredTensor.Create(bfloats, 2, 2);
        bfloats[0] = BFloat16.FromBits(0);
        Assert.Equal(TensorDType.BFloat16, bf16.DType);
        Assert.Equal([0x7F81, 0x8000, 0x0001, 0x3F80], bf16.GetBFloat16Values().ToArray().Select(b => (int)b.Bits));
        Assert.Equal("BFloat16 [2, 2]", bf16.ToString());

        Half[] halves = [BitConverter.UInt16BitsToHalf(0x7C01), BitConverter.UInt16BitsToHalf(0x8000)];
        StoredTensor f16 = StoredTensor.Create<Half>(halves, 2);
        halves[0] = Half.Zero;
        Assert.Equal(TensorDType.Float16, f16.DType);
        Assert.Equal([0x7C01, 0x8000], f16.GetValues<Half>().ToArray().Select(h => (int)BitConverter.HalfToUInt16Bits(h)));

        StoredTensor fromTensor = StoredTensor.FromTensor<Half>(Tensor.Create<Half>([(Half)1, (Half)2, (Half)3], [3, 1]));
        Assert.Equal(TensorDType.Float16, fromTensor.DType);
        Assert.Equal([3L, 1L], fromTensor.Shape.ToArray());
    }

    [Fact]
    public void Another_element_type_is_not_supported()
    {
        NotSupportedException e = Assert.Throws<NotSupportedException>(() => StoredTensor.Create<System.Runtime.InteropServices.NFloat>([1], 1));
        Assert.Equal("Weight files hold float, double, Half or BFloat16, not NFloat.", e.Message);
    }

    [Fact]
    public void The_values_are_read_only_as_their_own_dtype()
    {
        StoredTensor bf16 = StoredTensor.Create([BFloat16.FromBits(0x3F80)], 1);
        StoredTensor f16 = StoredTensor.Create<Half>([(Half)1], 1);
        StoredTensor f32 = StoredTensor.Create<float>([1f], 1);
        Assert.Equal("The tensor holds BFloat16, not Half.", Assert.Throws<InvalidOperationException>(() => bf16.GetValues<Half>()).Message);
        Assert.Equal("The tensor holds BFloat16, not Single.", Assert.Throws<InvalidOperationException>(() => bf16.GetValues<float>()).Message);
        Assert.Equal("The tensor holds Float16, not BFloat16.", Assert.Throws<InvalidOperationException>(() => f16.GetBFloat16Values()).Message);
        Assert.Equal("The tensor holds Float32, not BFloat16.", Assert.Throws<InvalidOperationException>(() => f32.GetBFloat16Values()).Message);
        Assert.Throws<InvalidOperationException>(() => f32.GetValues<Half>());
    }

    [Fact]
    public void A_shape_that_does_not_fit_the_values_is_refused_for_bfloat16_as_for_the_others()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => StoredTensor.Create([BFloat16.FromBits(0)], 2)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => StoredTensor.Create([BFloat16.FromBits(0)], -1)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => StoredTensor.Create(ReadOnlySpan<BFloat16>.Empty, long.MaxValue, 2)).ParamName);
        Assert.Equal(0, StoredTensor.Create(ReadOnlySpan<BFloat16>.Empty, long.MaxValue, 0).ElementCount);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => StoredTensor.Create<Half>([Half.Zero], 3)).ParamName);
    }

    [Fact]
    public void Every_bfloat16_widens_exactly_to_float_and_double()
    {
        StoredTensor bf16 = StoredTensor.Create(AllBFloat16, 256, 256);
        Tensor<float> floats = bf16.ToTensor<float>();
        Assert.Equal([256, 256], floats.Lengths.ToArray());
        Assert.Equal(Enumerable.Range(0, 1 << 16).Select(bits => (uint)bits << 16), floats.ToArray().Select(BitConverter.SingleToUInt32Bits));
        Assert.Equal(floats.ToArray().Select(value => BitConverter.DoubleToUInt64Bits(value)), bf16.ToTensor<double>().ToArray().Select(BitConverter.DoubleToUInt64Bits));
        Assert.True(bf16.ConvertTo(TensorDType.Float32).BitwiseEquals(StoredTensor.Create<float>(floats.ToArray(), 256, 256)));
    }

    [Fact]
    public void Every_half_widens_exactly_to_float_and_double()
    {
        StoredTensor f16 = StoredTensor.Create<Half>(AllHalves, 1 << 16);
        Assert.Equal(AllHalves.Select(h => BitConverter.SingleToUInt32Bits((float)h)), f16.ToTensor<float>().ToArray().Select(BitConverter.SingleToUInt32Bits));
        Assert.Equal(AllHalves.Select(h => BitConverter.DoubleToUInt64Bits((float)h)), f16.ToTensor<double>().ToArray().Select(BitConverter.DoubleToUInt64Bits));
        Assert.True(f16.BitwiseEquals(StoredTensor.FromTensor<Half>(f16.ToTensor<Half>())));
    }

    [Fact]
    public void Only_exact_widening_happens_in_ToTensor()
    {
        StoredTensor bf16 = StoredTensor.Create([BFloat16.FromBits(0x3F80)], 1);
        Assert.Contains("does not widen exactly to Half", Assert.Throws<InvalidOperationException>(() => bf16.ToTensor<Half>()).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => StoredTensor.Create<float>([1f], 1).ToTensor<double>());
        Assert.Throws<InvalidOperationException>(() => StoredTensor.Create<float>([1f], 1).ToTensor<Half>());
        Assert.Throws<InvalidOperationException>(() => StoredTensor.Create<double>([1d], 1).ToTensor<float>());
        Assert.Equal([1], StoredTensor.Create([BFloat16.FromBits(0x4000)]).ToTensor<float>().Lengths.ToArray());
    }

    [Fact]
    public void Narrowing_a_float_tensor_rounds_each_element_as_BFloat16_and_Half_do()
    {
        float[] values = [.. new uint[] { 0x3F80_8000, 0x3F81_8000, 0x3F80_8001, 0x7F7F_FFFF, 0x0000_8001, 0x8000_0000, 0xFF80_0001, 0x477F_F000, 0x3300_0001 }
            .Select(BitConverter.UInt32BitsToSingle)];
        StoredTensor floats = StoredTensor.Create<float>(values, 3, 3);
        StoredTensor bf16 = floats.ConvertTo(TensorDType.BFloat16);
        Assert.Equal(TensorDType.BFloat16, bf16.DType);
        Assert.Equal([3L, 3L], bf16.Shape.ToArray());
        Assert.Equal([0x3F80, 0x3F82, 0x3F81, 0x7F80, 0x0001, 0x8000, 0x7FC0, 0x4780, 0x3300], bf16.GetBFloat16Values().ToArray().Select(b => (int)b.Bits));
        Assert.Equal(values.Select(v => ((BFloat16)v).Bits), bf16.GetBFloat16Values().ToArray().Select(b => b.Bits));

        StoredTensor f16 = floats.ConvertTo(TensorDType.Float16);
        Assert.Equal(values.Select(v => BitConverter.HalfToUInt16Bits((Half)v)), f16.GetValues<Half>().ToArray().Select(BitConverter.HalfToUInt16Bits));
        Assert.Equal([0x7C00, 0x0000, 0x8000, 0xFE00, 0x7C00, 0x0001], f16.GetValues<Half>()[3..].ToArray().Select(h => (int)BitConverter.HalfToUInt16Bits(h)));
    }

    [Fact]
    public void Every_16_bit_pattern_survives_widening_and_narrowing_back_but_NaNs_which_take_the_stated_forms()
    {
        StoredTensor bf16 = StoredTensor.Create(AllBFloat16, 1 << 16);
        BFloat16[] back = bf16.ConvertTo(TensorDType.Float32).ConvertTo(TensorDType.BFloat16).GetBFloat16Values().ToArray();
        Assert.Equal(AllBFloat16.Select(b => float.IsNaN((float)b) ? (ushort)0x7FC0 : b.Bits), back.Select(b => b.Bits));

        StoredTensor f16 = StoredTensor.Create<Half>(AllHalves, 1 << 16);
        Half[] halvesBack = f16.ConvertTo(TensorDType.Float64).ConvertTo(TensorDType.Float16).GetValues<Half>().ToArray();
        Assert.Equal(AllHalves.Select(h => (ushort)(BitConverter.HalfToUInt16Bits(h) | (Half.IsNaN(h) ? 0x0200 : 0))), halvesBack.Select(BitConverter.HalfToUInt16Bits));
    }

    // PyTorch's double.to(bfloat16/float16) rounds to float first; these doubles lie just above a 16-bit tie by less
    // than float resolves, so rounding once would go up and rounding through float goes to the even neighbour below.
    [Fact]
    public void A_double_narrows_through_float_as_PyTorch_does()
    {
        StoredTensor doubles = StoredTensor.Create<double>([1 + Math.ScaleB(1, -8) + Math.ScaleB(1, -40), 1 + Math.ScaleB(1, -11) + Math.ScaleB(1, -40)], 2);
        Assert.Equal(0x3F80, doubles.ConvertTo(TensorDType.BFloat16).GetBFloat16Values()[0].Bits);
        Assert.Equal(0x3C00, BitConverter.HalfToUInt16Bits(doubles.ConvertTo(TensorDType.Float16).GetValues<Half>()[1]));
        Assert.Equal(0x3C01, BitConverter.HalfToUInt16Bits((Half)doubles.GetValues<double>()[1]));
    }

    [Fact]
    public void Between_16_bit_types_a_value_widens_then_rounds()
    {
        // 1 + 2⁻¹⁰ is a half but lies between bfloat16s 1 and 1 + 2⁻⁷: down; 2⁻¹³³ is a bfloat16 below half's range: 0; a
        // signalling bfloat16 NaN becomes a quiet half NaN with the top of its payload.
        StoredTensor f16 = StoredTensor.Create<Half>([BitConverter.UInt16BitsToHalf(0x3C01)], 1);
        Assert.Equal(0x3F80, f16.ConvertTo(TensorDType.BFloat16).GetBFloat16Values()[0].Bits);
        StoredTensor bf16 = StoredTensor.Create([BFloat16.FromBits(0x0001), BFloat16.FromBits(0x7F81)], 2);
        Assert.Equal([0x0000, 0x7E08], bf16.ConvertTo(TensorDType.Float16).GetValues<Half>().ToArray().Select(h => (int)BitConverter.HalfToUInt16Bits(h)));
    }

    [Fact]
    public void Converting_to_the_same_dtype_returns_the_tensor_and_an_undefined_dtype_is_refused()
    {
        StoredTensor bf16 = StoredTensor.Create([BFloat16.FromBits(0x7F81)], 1);
        Assert.Same(bf16, bf16.ConvertTo(TensorDType.BFloat16));
        Assert.Equal("dtype", Assert.Throws<ArgumentOutOfRangeException>(() => bf16.ConvertTo((TensorDType)4)).ParamName);
    }

    [Fact]
    public void Bitwise_equality_sees_the_dtype_the_NaN_payload_and_the_sign_of_zero()
    {
        StoredTensor bf16 = StoredTensor.Create([BFloat16.FromBits(0x7FC0), BFloat16.FromBits(0x0000)], 2);
        Assert.True(bf16.BitwiseEquals(StoredTensor.Create([BFloat16.FromBits(0x7FC0), BFloat16.FromBits(0x0000)], 2)));
        Assert.False(bf16.BitwiseEquals(StoredTensor.Create([BFloat16.FromBits(0x7FC1), BFloat16.FromBits(0x0000)], 2)));
        Assert.False(bf16.BitwiseEquals(StoredTensor.Create([BFloat16.FromBits(0x7FC0), BFloat16.FromBits(0x8000)], 2)));
        Assert.False(bf16.BitwiseEquals(StoredTensor.Create([BFloat16.FromBits(0x7FC0), BFloat16.FromBits(0x0000)], 2, 1)));

        // The same 16 bits as another dtype are another tensor.
        StoredTensor f16 = StoredTensor.Create<Half>([BitConverter.UInt16BitsToHalf(0x7FC0), Half.Zero], 2);
        Assert.False(bf16.BitwiseEquals(f16));
        Assert.False(f16.BitwiseEquals(bf16));
        Assert.False(f16.BitwiseEquals(StoredTensor.Create<Half>([BitConverter.UInt16BitsToHalf(0x7FC1), Half.Zero], 2)));
    }
}
