using System.Text;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>Exact bytes, round trips and the half-precision dtypes of .safetensors.</summary>
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
    public void Widens_f16_and_bf16_exactly_to_float()
    {
        // F16: 1, -2, +inf, 2^-24 (smallest subnormal). BF16: 1, 3.140625, -0, 2^-133 (subnormal).
        byte[] file = HandBuiltFiles.Safetensors(
            "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"BF16\",\"shape\":[2,2],\"data_offsets\":[8,16]}}",
            [0x00, 0x3C, 0x00, 0xC0, 0x00, 0x7C, 0x01, 0x00, 0x80, 0x3F, 0x49, 0x40, 0x00, 0x80, 0x01, 0x00]);
        SafetensorsContent read = SafetensorsFile.Read(file);
        Assert.Equal(TensorDType.Float32, read["h"].DType);
        Assert.Equal([1f, -2f, float.PositiveInfinity, MathF.ScaleB(1, -24)], read["h"].GetValues<float>().ToArray());
        float[] bf16 = read["b"].GetValues<float>().ToArray();
        Assert.Equal([1f, 3.140625f, 0f, MathF.ScaleB(1, -133)], bf16);
        Assert.True(float.IsNegative(bf16[2]));
    }
}
