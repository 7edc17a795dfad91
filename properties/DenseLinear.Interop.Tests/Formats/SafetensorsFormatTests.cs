using System.Text;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>Exact bytes, round trips and the 16-bit dtypes of .safetensors.</summary>
public sealed class SafetensorsFormatTests
{
    [Fact]
    public void Writes_compact_json_padded_to_8_bytes_then_little_endian_data()
    {
        var content = new SafetensorsContent([new("w", StoredTensor.Create<float>([1, 2], 2))]);
        byte[] expected =
        [
            56, 0, 0, 0, 0, 0, 0, 0,
            .. Encoding.ASCII.GetBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}  "),
            0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40,
        ];
        Assert.Equal(expected, SafetensorsFile.ToBytes(content));
    }

    [Fact]
    public void Writes_metadata_first()
    {
        var content = new SafetensorsContent(
            [new("fc.weight", StoredTensor.Create<double>([0.5], 1, 1))],
            [new("format", "pt")]);
        byte[] expected =
        [
            96, 0, 0, 0, 0, 0, 0, 0,
            .. Encoding.ASCII.GetBytes("{\"__metadata__\":{\"format\":\"pt\"},\"fc.weight\":{\"dtype\":\"F64\",\"shape\":[1,1],\"data_offsets\":[0,8]}} "),
            0, 0, 0, 0, 0, 0, 0xE0, 0x3F,
        ];
        Assert.Equal(expected, SafetensorsFile.ToBytes(content));
    }

    [Fact]
    public void Round_trips_every_shape_and_dtype_bitwise_with_metadata()
    {
        var tensors = new List<KeyValuePair<string, StoredTensor>>();
        foreach (TensorDType dtype in Enum.GetValues<TensorDType>())
        {
            foreach (long[] shape in SampleTensors.Shapes)
            {
                tensors.Add(new($"{dtype}.{string.Join('x', shape)}", SampleTensors.Awkward(dtype, shape)));
            }
        }

        var original = new SafetensorsContent(tensors, [new("format", "pt"), new("note", "ünïcode ✓")]);
        byte[] file = SafetensorsFile.ToBytes(original);
        SafetensorsContent read = SafetensorsFile.Read(file);
        Assert.Equal(original.Names, read.Names);
        Assert.Equal(original.Metadata, read.Metadata);
        foreach (string name in original.Names)
        {
            Assert.True(original[name].BitwiseEquals(read[name]), name);
        }

        Assert.Equal(file, SafetensorsFile.ToBytes(read));

        using var stream = new MemoryStream();
        stream.Write([1, 2, 3]);
        SafetensorsFile.Write(stream, read);
        Assert.Equal([1, 2, 3, .. file], stream.ToArray());
        stream.Position = 3;
        SafetensorsContent fromStream = SafetensorsFile.Read(stream);
        Assert.Equal(original.Names, fromStream.Names);
        Assert.All(original.Names, name => Assert.True(original[name].BitwiseEquals(fromStream[name]), name));
    }

    [Fact]
    public void Reads_a_valid_tiling_listed_in_any_order_empty_tensors_included()
    {
        // Empty tensors sit at 0, 4 (where "b" begins) and 8 (where "b" ends and the buffer ends).
        (string Name, string Entry)[] entries =
        [
            ("a", "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}"),
            ("b", "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}"),
            ("e0", "{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}"),
            ("e4", "{\"dtype\":\"F64\",\"shape\":[2,0],\"data_offsets\":[4,4]}"),
            ("e8", "{\"dtype\":\"F32\",\"shape\":[0,3],\"data_offsets\":[8,8]}"),
        ];
        byte[] data = HandBuiltFiles.Float32(1.5f, -2.5f);
        int orders = 0;
        foreach (int[] order in Permutations(entries.Length))
        {
            string json = "{" + string.Join(",", order.Select(i => $"\"{entries[i].Name}\":{entries[i].Entry}")) + "}";
            SafetensorsContent read = SafetensorsFile.Read(HandBuiltFiles.Safetensors(json, data));

            // Data order: by begin offset, an empty tensor before the non-empty one that starts where it sits.
            Assert.Equal(["e0", "a", "e4", "b", "e8"], read.Names);
            Assert.Equal([1.5f], read["a"].GetValues<float>().ToArray());
            Assert.Equal([-2.5f], read["b"].GetValues<float>().ToArray());
            Assert.Equal([2L, 0L], read["e4"].Shape.ToArray());
            Assert.Equal(0, read["e8"].ElementCount);
            orders++;
        }

        Assert.Equal(120, orders);
    }

    [Fact]
    public void Reads_hand_written_files_with_whitespace_and_any_key_order()
    {
        byte[] file = HandBuiltFiles.Safetensors(
            " { \"b\" : {\"data_offsets\": [8, 16], \"shape\": [], \"dtype\": \"F64\"}, \"a\": {\"shape\": [2], \"dtype\": \"F32\", \"data_offsets\": [0, 8]} }   ",
            [.. HandBuiltFiles.Float32(3, 4), .. HandBuiltFiles.Float64(-1)]);
        SafetensorsContent read = SafetensorsFile.Read(file);
        Assert.Equal(["a", "b"], read.Names);
        Assert.Equal([3f, 4f], read["a"].GetValues<float>().ToArray());
        Assert.Equal(0, read["b"].Rank);
        Assert.Equal([-1d], read["b"].GetValues<double>().ToArray());
        Assert.Empty(read.Metadata);
    }

    [Fact]
    public void Keeps_bf16_and_f16_as_stored_and_writes_them_back_as_they_were()
    {
        // F16: 1, -2, +inf, 2^-24 (smallest subnormal). BF16: 1, 3.140625, -0, 2^-133 (subnormal). Compact JSON padded
        // to 8 bytes, as the writer lays it out, so writing back must give the same bytes.
        byte[] file = HandBuiltFiles.Safetensors(
            "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"BF16\",\"shape\":[2,2],\"data_offsets\":[8,16]}} ",
            [0x00, 0x3C, 0x00, 0xC0, 0x00, 0x7C, 0x01, 0x00, 0x80, 0x3F, 0x49, 0x40, 0x00, 0x80, 0x01, 0x00]);
        SafetensorsContent read = SafetensorsFile.Read(file);
        Assert.Equal(TensorDType.Float16, read["h"].DType);
        Assert.Equal([0x3C00, 0xC000, 0x7C00, 0x0001], read["h"].GetValues<Half>().ToArray().Select(BitConverter.HalfToUInt16Bits));
        Assert.Equal(TensorDType.BFloat16, read["b"].DType);
        Assert.Equal([0x3F80, 0x4049, 0x8000, 0x0001], read["b"].GetBFloat16Values().ToArray().Select(b => b.Bits));
        Assert.Equal(file, SafetensorsFile.ToBytes(read));

        // Widened exactly when a float tensor is asked for.
        Assert.Equal([1f, -2f, float.PositiveInfinity, MathF.ScaleB(1, -24)], read["h"].ToTensor<float>().ToArray());
        float[] bf16 = read["b"].ToTensor<float>().ToArray();
        Assert.Equal([1f, 3.140625f, 0f, MathF.ScaleB(1, -133)], bf16);
        Assert.True(float.IsNegative(bf16[2]));
    }

    [Fact]
    public void Writes_bf16_as_BF16_at_two_bytes_an_element()
    {
        var content = new SafetensorsContent([new("w", StoredTensor.Create([BFloat16.FromBits(0x3F80), BFloat16.FromBits(0x7FC0)], 2))]);
        byte[] expected =
        [
            56, 0, 0, 0, 0, 0, 0, 0,
            .. Encoding.ASCII.GetBytes("{\"w\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}} "),
            0x80, 0x3F, 0xC0, 0x7F,
        ];
        Assert.Equal(expected, SafetensorsFile.ToBytes(content));
    }

    private static IEnumerable<int[]> Permutations(int count)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }

        foreach (int[] rest in Permutations(count - 1))
        {
            for (int at = 0; at <= rest.Length; at++)
            {
                yield return [.. rest[..at], count - 1, .. rest[at..]];
            }
        }
    }
}
