using System.Globalization;
using System.Text;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>
/// Exact bytes of what <c>np.save</c> writes (NumPy ≥ 1.24, format 1.0): magic, version, u16 header length 118,
/// the sorted-key dict repr, 21 − len(str(growth axis)) spaces of growth room, spaces to 127, '\n', then the data.
/// </summary>
public sealed class NpyFixtureTests
{
    // np.save(f, np.array([[1, 2, 3], [4, 5, 6]], dtype='<f4'))
    private static readonly byte[] Float32TwoByThree = Concat(
        [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 0x01, 0x00, 0x76, 0x00],
        Encoding.ASCII.GetBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + new string(' ', 58) + "\n"),
        [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x40, 0x40,
         0x00, 0x00, 0x80, 0x40, 0x00, 0x00, 0xA0, 0x40, 0x00, 0x00, 0xC0, 0x40]);

    // np.save(f, np.asfortranarray(np.array([[1, 2, 3], [4, 5, 6]], dtype='<f4'))): columns first.
    private static readonly byte[] Float32TwoByThreeFortran = Concat(
        [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 0x01, 0x00, 0x76, 0x00],
        Encoding.ASCII.GetBytes("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }" + new string(' ', 59) + "\n"),
        [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x80, 0x40, 0x00, 0x00, 0x00, 0x40,
         0x00, 0x00, 0xA0, 0x40, 0x00, 0x00, 0x40, 0x40, 0x00, 0x00, 0xC0, 0x40]);

    // np.save(f, np.float64(1.5)): a 0-d array has no growth axis.
    private static readonly byte[] Float64Scalar = Concat(
        [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 0x01, 0x00, 0x76, 0x00],
        Encoding.ASCII.GetBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (), }" + new string(' ', 62) + "\n"),
        [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF8, 0x3F]);

    // np.save(f, np.array([1, -2, 0.5], dtype='>f8'))
    private static readonly byte[] BigEndianFloat64Vector = Concat(
        [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 0x01, 0x00, 0x76, 0x00],
        Encoding.ASCII.GetBytes("{'descr': '>f8', 'fortran_order': False, 'shape': (3,), }" + new string(' ', 60) + "\n"),
        [0x3F, 0xF0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
         0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
         0x3F, 0xE0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);

    [Fact]
    public void Writes_a_float32_matrix_as_numpy_does()
    {
        StoredTensor tensor = StoredTensor.Create<float>([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal(Float32TwoByThree, NpyFile.ToBytes(tensor));
    }

    [Fact]
    public void Writes_fortran_order_as_numpy_does()
    {
        StoredTensor tensor = StoredTensor.Create<float>([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal(Float32TwoByThreeFortran, NpyFile.ToBytes(tensor, new NpyWriteOptions { FortranOrder = true }));
    }

    [Fact]
    public void Writes_a_0d_float64_as_numpy_does()
    {
        Assert.Equal(Float64Scalar, NpyFile.ToBytes(StoredTensor.Create<double>([1.5])));
    }

    [Fact]
    public void Writes_big_endian_as_numpy_does()
    {
        StoredTensor tensor = StoredTensor.Create<double>([1, -2, 0.5], 3);
        Assert.Equal(BigEndianFloat64Vector, NpyFile.ToBytes(tensor, new NpyWriteOptions { BigEndian = true }));
    }

    [Fact]
    public void Reads_the_fixtures_into_row_major_native_values()
    {
        float[] expected = [1, 2, 3, 4, 5, 6];
        AssertTensor(NpyFile.Read(Float32TwoByThree), TensorDType.Float32, [2, 3], expected);
        AssertTensor(NpyFile.Read(Float32TwoByThreeFortran), TensorDType.Float32, [2, 3], expected);
        StoredTensor scalar = NpyFile.Read(Float64Scalar);
        Assert.Equal(0, scalar.Rank);
        Assert.Equal([1.5], scalar.GetValues<double>().ToArray());
        StoredTensor vector = NpyFile.Read(BigEndianFloat64Vector);
        Assert.Equal([3L], vector.Shape.ToArray());
        Assert.Equal([1, -2, 0.5], vector.GetValues<double>().ToArray());
    }

    [Fact]
    public void Every_written_header_ends_in_newline_at_a_multiple_of_64()
    {
        foreach (long[] shape in new long[][] { [], [0], [7], [0, 12345678901], [2, 0, 3], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] })
        {
            long count = shape.Aggregate(1L, (a, b) => a * b);
            byte[] file = NpyFile.ToBytes(StoredTensor.Create<float>(new float[count], shape));
            int dataStart = 10 + BitConverter.ToUInt16(file, 8);
            Assert.Equal(0, dataStart % 64);
            Assert.Equal((byte)'\n', file[dataStart - 1]);
        }
    }

    [Fact]
    public void Every_header_is_padded_as_numpy_pads_it()
    {
        // Ranks 0 to 70 of dimensions 1 give header dicts of every length modulo 64; the zero-size shapes put an
        // 11-digit dimension on the other end, so C and Fortran order pick different growth axes.
        foreach (NpyFormatVersion version in Enum.GetValues<NpyFormatVersion>())
        {
            foreach (bool fortranOrder in new[] { false, true })
            {
                for (int rank = 0; rank <= 70; rank++)
                {
                    long[] ones = [.. Enumerable.Repeat(1L, rank)];
                    long[] skewed = rank < 2 ? ones : [0, .. ones[2..], 12_345_678_901];
                    long[] mirrored = [.. skewed.Reverse()];
                    foreach (long[] shape in new[] { ones, skewed, mirrored })
                    {
                        AssertNumPyHeader(shape, version, fortranOrder);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The header <c>numpy.lib.format._write_array_header</c> writes: the sorted-key dict repr, 21 − len(str(growth
    /// axis)) spaces (growth axis: the first dimension, the last in Fortran order; none for 0-d), then
    /// <c>_wrap_header</c>'s padlen = 64 − ((magic + length field + len(header) + 1) % 64) spaces — 1 to 64 — and '\n'.
    /// </summary>
    private static void AssertNumPyHeader(long[] shape, NpyFormatVersion version, bool fortranOrder)
    {
        string[] dimensions = [.. shape.Select(d => d.ToString(CultureInfo.InvariantCulture))];
        string tuple = shape.Length == 1 ? $"({dimensions[0]},)" : $"({string.Join(", ", dimensions)})";
        string dict = $"{{'descr': '<f4', 'fortran_order': {(fortranOrder ? "True" : "False")}, 'shape': {tuple}, }}";
        string growth = shape.Length == 0 ? string.Empty : new string(' ', 21 - dimensions[fortranOrder ? ^1 : 0].Length);
        int lengthSize = version == NpyFormatVersion.Version1 ? 2 : 4;
        int hlen = dict.Length + growth.Length + 1;
        int padlen = 64 - ((8 + lengthSize + hlen) % 64);
        string expected = dict + growth + new string(' ', padlen) + "\n";

        long count = shape.Aggregate(1L, (a, b) => a * b);
        byte[] file = NpyFile.ToBytes(StoredTensor.Create<float>(new float[count], shape), new NpyWriteOptions { Version = version, FortranOrder = fortranOrder });
        int headerLength = lengthSize == 2 ? BitConverter.ToUInt16(file, 8) : (int)BitConverter.ToUInt32(file, 8);
        string context = $"{version}, fortran {fortranOrder}, shape [{string.Join(", ", dimensions)}]";
        Assert.True(expected.Length == headerLength, $"{context}: header length {headerLength}, NumPy writes {expected.Length}");
        Assert.Equal(expected, Encoding.ASCII.GetString(file, 8 + lengthSize, headerLength));
        Assert.Equal((8 + lengthSize + expected.Length) + (4 * count), file.Length);
    }

    private static void AssertTensor(StoredTensor tensor, TensorDType dtype, long[] shape, float[] values)
    {
        Assert.Equal(dtype, tensor.DType);
        Assert.Equal(shape, tensor.Shape.ToArray());
        Assert.Equal(values, tensor.GetValues<float>().ToArray());
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(part => part)];
}
