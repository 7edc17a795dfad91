using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>Every version × dtype × byte order × memory order × shape reads back bit for bit.</summary>
public sealed class NpyRoundTripTests
{
    public static TheoryData<NpyFormatVersion, TensorDType, bool, bool> Layouts()
    {
        var data = new TheoryData<NpyFormatVersion, TensorDType, bool, bool>();
        foreach (NpyFormatVersion version in Enum.GetValues<NpyFormatVersion>())
        {
            foreach (TensorDType dtype in SampleTensors.NpyDTypes)
            {
                foreach (bool bigEndian in new[] { false, true })
                {
                    foreach (bool fortran in new[] { false, true })
                    {
                        data.Add(version, dtype, bigEndian, fortran);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Round_trips_bitwise(NpyFormatVersion version, TensorDType dtype, bool bigEndian, bool fortranOrder)
    {
        var options = new NpyWriteOptions { Version = version, BigEndian = bigEndian, FortranOrder = fortranOrder };
        foreach (long[] shape in SampleTensors.Shapes)
        {
            StoredTensor original = SampleTensors.Awkward(dtype, shape);
            byte[] file = NpyFile.ToBytes(original, options);
            Assert.Equal((byte)version, file[6]);
            StoredTensor read = NpyFile.Read(file);
            Assert.True(original.BitwiseEquals(read), $"{original} with {options} read back as {read}");

            using var stream = new MemoryStream();
            NpyFile.Write(stream, read);
            stream.Position = 0;
            Assert.True(original.BitwiseEquals(NpyFile.Read(stream)));
        }
    }

    [Fact]
    public void Every_dtype_but_bfloat16_is_written()
    {
        Assert.Equal(Enum.GetValues<TensorDType>().Except([TensorDType.BFloat16]), SampleTensors.NpyDTypes.Order());
    }

    [Fact]
    public void A_bfloat16_tensor_is_refused_naming_the_missing_numpy_dtype()
    {
        StoredTensor bf16 = SampleTensors.Awkward(TensorDType.BFloat16, [2, 3]);
        ArgumentException e = Assert.Throws<ArgumentException>(() => NpyFile.ToBytes(bf16));
        Assert.Equal("tensor", e.ParamName);
        Assert.StartsWith("NumPy has no bfloat16 dtype, so the BFloat16 [2, 3] tensor cannot be written as .npy", e.Message, StringComparison.Ordinal);
        using var stream = new MemoryStream();
        Assert.Throws<ArgumentException>(() => NpyFile.Write(stream, bf16, new NpyWriteOptions { Version = NpyFormatVersion.Version2 }));
        Assert.Equal(0, stream.Length);

        // The exact widening the message suggests writes, and reads back as the same values.
        StoredTensor widened = NpyFile.Read(NpyFile.ToBytes(bf16.ConvertTo(TensorDType.Float32)));
        Assert.True(widened.BitwiseEquals(bf16.ConvertTo(TensorDType.Float32)));
    }

    [Fact]
    public void Float16_is_written_as_f2_in_either_byte_order()
    {
        StoredTensor tensor = StoredTensor.Create<Half>([(Half)1, BitConverter.UInt16BitsToHalf(0x7C01)], 2);
        byte[] little = NpyFile.ToBytes(tensor);
        byte[] big = NpyFile.ToBytes(tensor, new NpyWriteOptions { BigEndian = true });
        Assert.Contains("'descr': '<f2'", Encoding.ASCII.GetString(little, 0, 128), StringComparison.Ordinal);
        Assert.Contains("'descr': '>f2'", Encoding.ASCII.GetString(big, 0, 128), StringComparison.Ordinal);
        Assert.Equal([0x00, 0x3C, 0x01, 0x7C], little[128..]);
        Assert.Equal([0x3C, 0x00, 0x7C, 0x01], big[128..]);
    }

    [Fact]
    public void Fortran_order_stores_the_first_index_fastest()
    {
        StoredTensor tensor = StoredTensor.Create<double>([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 2, 3, 2);
        byte[] file = NpyFile.ToBytes(tensor, new NpyWriteOptions { FortranOrder = true });
        double[] stored = [.. Enumerable.Range(0, 12).Select(i => BitConverter.ToDouble(file, 128 + (8 * i)))];

        // Element (i, j, k) has row-major value 6i + 2j + k and column-major position i + 2j + 6k.
        Assert.Equal([0, 6, 2, 8, 4, 10, 1, 7, 3, 9, 5, 11], stored);
    }

    [Fact]
    public void Chooses_version_2_when_the_header_outgrows_a_u16_length()
    {
        long[] shape = [.. Enumerable.Repeat(1L, 30_000)];
        byte[] file = NpyFile.ToBytes(StoredTensor.Create<float>([42f], shape));
        Assert.Equal(2, file[6]);
        Assert.Equal(30_000, NpyFile.Read(file).Rank);
        Assert.Throws<ArgumentException>(() => NpyFile.ToBytes(StoredTensor.Create<float>([42f], shape), new NpyWriteOptions { Version = NpyFormatVersion.Version1 }));
    }

    [Fact]
    public void Chooses_version_1_exactly_while_its_u16_length_holds_the_header()
    {
        // Each extra dimension of 1 adds 3 header characters, so these ranks walk the header length across 65 535.
        int largestFitting = 0;
        int smallestRefused = int.MaxValue;
        for (int rank = 21_800; rank < 21_870; rank++)
        {
            StoredTensor tensor = StoredTensor.Create<float>([42f], [.. Enumerable.Repeat(1L, rank)]);
            byte[] chosen = NpyFile.ToBytes(tensor);
            byte[]? version1 = null;
            ArgumentException? refusal = null;
            try
            {
                version1 = NpyFile.ToBytes(tensor, new NpyWriteOptions { Version = NpyFormatVersion.Version1 });
            }
            catch (ArgumentException e)
            {
                refusal = e;
            }

            if (version1 is not null)
            {
                // np.save keeps 1.0 whenever the header fits its 2-byte length.
                Assert.Equal(version1, chosen);
                largestFitting = Math.Max(largestFitting, BinaryPrimitives.ReadUInt16LittleEndian(version1.AsSpan(8)));
            }
            else
            {
                Assert.Equal(NpyFile.ToBytes(tensor, new NpyWriteOptions { Version = NpyFormatVersion.Version2 }), chosen);
                Assert.Equal("options", refusal!.ParamName);
                Match said = Regex.Match(refusal.Message, "^A header of ([0-9]+) bytes does not fit format version 1\\.0\\.");
                Assert.True(said.Success, refusal.Message);
                int needed = int.Parse(said.Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.True(needed > ushort.MaxValue && (10 + needed) % 64 == 0, refusal.Message);
                smallestRefused = Math.Min(smallestRefused, needed);
            }

            Assert.Equal(rank, NpyFile.Read(chosen).Rank);
        }

        // Version 1.0 data starts at a multiple of 64 after a 10-byte prefix: 65 526 bytes is its largest header,
        // whose data starts at 65 536; the next size, 65 590, needs 2.0.
        Assert.Equal(65_526, largestFitting);
        Assert.Equal(65_590, smallestRefused);
    }

    [Theory]
    [InlineData("{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (2,)}")]
    [InlineData("{'shape': (2,), 'fortran_order': False, 'descr': '<f4'}\n")]
    [InlineData("  { 'descr' : '<f4' ,\t'fortran_order' : False , 'shape' : ( 2 , ) , }   \n")]
    public void Reads_other_valid_literal_spellings(string header)
    {
        foreach (byte major in new byte[] { 1, 2, 3 })
        {
            StoredTensor tensor = NpyFile.Read(HandBuiltFiles.Npy(header, HandBuiltFiles.Float32(1, 2), major));
            Assert.Equal([1f, 2f], tensor.GetValues<float>().ToArray());
        }
    }

    [Fact]
    public void Version_3_headers_are_utf8()
    {
        byte[] file = HandBuiltFiles.Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }\n", HandBuiltFiles.Float32(7), 3, Encoding.UTF8);
        Assert.Equal([7f], NpyFile.Read(file).GetValues<float>().ToArray());
    }
}
