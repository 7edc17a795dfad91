using System.Text.Json.Nodes;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// torch's own 16-bit conversions against <see cref="StoredTensor.ConvertTo"/> and <see cref="StoredTensor.ToTensor{T}"/>,
/// bit for bit: every bfloat16 and float16 pattern widened, and a fixed set of floats narrowed (ties and one ulp either
/// side, NaNs of both signs with payloads, ±∞, the largest finite values and what rounds past them, subnormals of all
/// three formats, and a fixed random sample), and doubles whose two roundings differ from one.
/// </summary>
/// <remarks>
/// Where torch 1.13 differs from itself or from us, only on NaNs, the facts pin what each side does: a NaN narrowed to
/// bfloat16 is 0x7FC0 in <c>c10::BFloat16</c> (0-d tensors, scalars) and in ours, but torch's vectorised copy of a
/// 1-d tensor writes another NaN (0xFFFF); a NaN narrowed to float16 keeps its sign in both, torch drops its payload
/// (sign | 0x7E00), ours keeps the payload's top bits as IEEE 754 recommends and .NET's <see cref="Half"/> does.
/// </remarks>
public sealed class TorchConversionTests
{
    private static readonly float[] Floats = FixedFloats();

    [TorchFact]
    public void Torch_widens_every_bfloat16_and_float16_pattern_to_the_float_we_do()
    {
        ushort[] patterns = [.. Enumerable.Range(0, 1 << 16).Select(bits => (ushort)bits)];
        StoredTensor bf16 = StoredTensor.Create([.. patterns.Select(BFloat16.FromBits)], patterns.Length);
        StoredTensor f16 = StoredTensor.Create<Half>([.. patterns.Select(BitConverter.UInt16BitsToHalf)], patterns.Length);
        foreach ((string dtype, StoredTensor tensor) in new[] { ("bfloat16", bf16), ("float16", f16) })
        {
            JsonObject reply = TorchWorker.Shared.Ask(new JsonObject { ["widen"] = dtype, ["bits"] = TorchWorker.Hex<ushort>(patterns) });
            uint[] torch = TorchWorker.Values<uint>(reply["float32"]);
            uint[] ours = [.. tensor.ToTensor<float>().ToArray().Select(BitConverter.SingleToUInt32Bits)];
            AssertSame($"{dtype} 0x{{0:X4}} widened", patterns.Select(p => (uint)p).ToArray(), torch, ours);
        }
    }

    [TorchFact]
    public void Torch_rounds_floats_to_bfloat16_as_c10_BFloat16_and_as_we_do()
    {
        JsonObject reply = Narrow(Floats);
        ushort[] ours = [.. StoredTensor.Create<float>(Floats, Floats.Length).ConvertTo(TensorDType.BFloat16).GetBFloat16Values().ToArray().Select(b => b.Bits)];
        AssertSame("0x{0:X8} to bfloat16 by c10::BFloat16", Bits(Floats), TorchWorker.Values<ushort>(reply["bfloat16_scalar"]), ours);

        ushort[] vectorised = TorchWorker.Values<ushort>(reply["bfloat16"]);
        AssertSame("0x{0:X8} to bfloat16 by Tensor.to", Bits(Floats), Masked(vectorised, Floats), Masked(ours, Floats));
        Assert.All(NaNIndices(Floats), i => Assert.True((vectorised[i] & 0x7FFF) > 0x7F80, $"torch turned NaN 0x{Bits(Floats)[i]:X8} into 0x{vectorised[i]:X4}, not a NaN"));
        Assert.Contains(ours, bits => bits == 0x7FC0);
    }

    [TorchFact]
    public void Torch_rounds_floats_to_float16_as_we_do_and_keeps_a_NaN_a_NaN_of_its_sign()
    {
        JsonObject reply = Narrow(Floats);
        ushort[] ours = [.. StoredTensor.Create<float>(Floats, Floats.Length).ConvertTo(TensorDType.Float16).GetValues<Half>().ToArray().Select(BitConverter.HalfToUInt16Bits)];
        foreach (string path in (string[])["float16", "float16_scalar"])
        {
            ushort[] torch = TorchWorker.Values<ushort>(reply[path]);
            AssertSame($"0x{{0:X8}} to float16 by {path}", Bits(Floats), Masked(torch, Floats), Masked(ours, Floats));
            foreach (int i in NaNIndices(Floats))
            {
                uint input = BitConverter.SingleToUInt32Bits(Floats[i]);
                uint sign = (input >> 16) & 0x8000;
                Assert.True(torch[i] == (sign | 0x7E00), $"torch: NaN 0x{input:X8} to 0x{torch[i]:X4}");
                Assert.True(ours[i] == (sign | 0x7E00 | ((input >> 13) & 0x3FF)), $"ours: NaN 0x{input:X8} to 0x{ours[i]:X4}");
            }
        }
    }

    [TorchFact]
    public void Torch_rounds_doubles_to_16_bits_through_float_as_we_do()
    {
        // Just above a tie of each format, by far less than a float ulp, at scales from float16's subnormals past its
        // overflow: rounding once goes up, rounding through float lands on the tie and goes to even.
        double[] doubles =
        [
            .. Enumerable.Range(0, 64).SelectMany(i => new[] { 1 + Math.ScaleB(1, -8), -(1 + Math.ScaleB(3, -8)), 1 + Math.ScaleB(1, -11) }
                .Select(tie => (tie + Math.CopySign(Math.ScaleB(1, -40), tie)) * Math.ScaleB(1, i - 32))),
            .. new Random(29).GetItems(Floats.Where(f => !float.IsNaN(f)).ToArray(), 256).Select(f => (double)f * (1 + Math.ScaleB(1, -30))),
        ];
        JsonObject reply = TorchWorker.Shared.Ask(new JsonObject { ["narrow"] = TorchWorker.Hex<double>(doubles), ["dtype"] = "float64" });
        StoredTensor tensor = StoredTensor.Create<double>(doubles, doubles.Length);
        ulong[] inputs = [.. doubles.Select(BitConverter.DoubleToUInt64Bits)];
        ushort[] bf16 = [.. tensor.ConvertTo(TensorDType.BFloat16).GetBFloat16Values().ToArray().Select(b => b.Bits)];
        ushort[] f16 = [.. tensor.ConvertTo(TensorDType.Float16).GetValues<Half>().ToArray().Select(BitConverter.HalfToUInt16Bits)];
        AssertSame("double 0x{0:X16} to bfloat16", inputs, TorchWorker.Values<ushort>(reply["bfloat16"]), bf16);
        AssertSame("double 0x{0:X16} to float16", inputs, TorchWorker.Values<ushort>(reply["float16"]), f16);

        // The data tells the two rules apart: at scale 1 (i = 32) one rounding would give 1 + 2⁻⁷ and 1 + 2⁻¹⁰.
        Assert.Equal(1 + Math.ScaleB(1, -8), (double)(float)doubles[96]);
        Assert.Equal(0x3F80, bf16[96]);
        Assert.Equal(0x3C01, BitConverter.HalfToUInt16Bits((Half)doubles[98]));
        Assert.Equal(0x3C00, f16[98]);
    }

    private static JsonObject Narrow(float[] values) =>
        TorchWorker.Shared.Ask(new JsonObject { ["narrow"] = TorchWorker.Hex<float>(values), ["dtype"] = "float32" });

    private static uint[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToUInt32Bits)];

    private static IEnumerable<int> NaNIndices(float[] values) => Enumerable.Range(0, values.Length).Where(i => float.IsNaN(values[i]));

    /// <summary>The results with those of NaN inputs set to 0, for the comparisons the remarks leave to the NaN facts.</summary>
    private static ushort[] Masked(ushort[] results, float[] inputs) => [.. results.Select((bits, i) => float.IsNaN(inputs[i]) ? (ushort)0 : bits)];

    private static void AssertSame<TInput, TResult>(string format, TInput[] inputs, TResult[] torch, TResult[] ours)
        where TResult : IEquatable<TResult>
    {
        Assert.Equal(inputs.Length, torch.Length);
        string[] differences =
        [
            .. Enumerable.Range(0, inputs.Length).Where(i => !torch[i].Equals(ours[i]))
                .Take(10).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, inputs[i]) + $": torch 0x{torch[i]:X}, ours 0x{ours[i]:X}"),
        ];
        Assert.True(differences.Length == 0, string.Join("\n", differences));
    }

    /// <summary>
    /// The named edges of both formats; every 61st bfloat16 and float16 with the floats at the tie above it and one ulp
    /// either side; 4096 fixed-seed random floats, half anywhere, half near float16's range.
    /// </summary>
    private static float[] FixedFloats()
    {
        uint[] edges =
        [
            0x3F80_8000, 0x3F81_8000, 0x3F80_8001, 0x3F80_7FFF, 0xBF81_8000, 0x7FC0_0000, 0xFFC0_0000, 0x7FC1_2345, 0x7F80_0001,
            0xFF80_0001, 0x7FFF_FFFF, 0xFFFF_FFFF, 0x7FBF_FFFF, 0x7F80_0000, 0xFF80_0000, 0x0000_0000, 0x8000_0000, 0x7F7F_0000,
            0x7F7F_7FFF, 0x7F7F_8000, 0x7F7F_FFFF, 0xFF7F_8000, 0xFF7F_FFFF, 0x0080_0000, 0x0001_0000, 0x007F_0000, 0x8001_0000,
            0x0000_0001, 0x8000_0001, 0x0000_8000, 0x0000_8001, 0x0001_8000, 0x007F_7FFF, 0x007F_8000, 0x007F_FFFF,
            0x3F80_1000, 0x3F80_3000, 0x3F80_1001, 0x3F80_0FFF, 0xBF80_3000, 0x7FFF_E000, 0xFF80_2000, 0x477F_E000, 0x477F_EFFF,
            0x477F_F000, 0xC77F_F000, 0x3880_0000, 0x3380_0000, 0x387F_C000, 0x3300_0000, 0x3300_0001, 0xB300_0001, 0x33C0_0000,
            0x387F_E000,
        ];
        var floats = new List<float>(edges.Select(BitConverter.UInt32BitsToSingle));
        for (int bits = 0; bits <= ushort.MaxValue; bits += 61)
        {
            if ((bits & 0x7F80) != 0x7F80)
            {
                uint tie = ((uint)bits << 16) + 0x8000;
                floats.AddRange([BitConverter.UInt32BitsToSingle(tie), BitConverter.UInt32BitsToSingle(tie - 1), BitConverter.UInt32BitsToSingle(tie + 1)]);
            }

            if ((bits & 0x7C00) != 0x7C00)
            {
                float half = (float)BitConverter.UInt16BitsToHalf((ushort)bits);
                float next = (bits & 0x7FFF) == 0x7BFF ? MathF.CopySign(65536, half) : (float)BitConverter.UInt16BitsToHalf((ushort)(bits + 1));
                float tie = (float)(((double)half + next) / 2);
                floats.AddRange([tie, MathF.BitDecrement(tie), MathF.BitIncrement(tie)]);
            }
        }

        var random = new Random(29);
        for (int i = 0; i < 4096; i++)
        {
            uint bits = (uint)random.NextInt64(1L << 32);
            floats.Add(BitConverter.UInt32BitsToSingle(i % 2 == 0 ? bits : (bits & 0x807F_FFFF) | ((uint)random.Next(100, 146) << 23)));
        }

        return [.. floats];
    }
}
