using System.Text;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>Each malformed .npy file raises InvalidDataException whose message names the problem.</summary>
public sealed class NpyRejectionTests
{
    private const string Valid = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n";

    public static TheoryData<string, byte[], string> MalformedFiles() => new()
    {
        { "empty file", [], "magic" },
        { "wrong magic", Encoding.ASCII.GetBytes("\u0092NUMPY\u0001\u0000"), "magic" },
        { "version 4.0", WithVersion(4, 0), "version 4.0" },
        { "version 1.1", WithVersion(1, 1), "version 1.1" },
        { "length field cut", HandBuiltFiles.Npy(Valid, HandBuiltFiles.Float32(1, 2))[..9], "length field" },
        { "header length past the end", HandBuiltFiles.Npy(Valid, [])[..40], "runs past the end" },
        { "data cut short", HandBuiltFiles.Npy(Valid, HandBuiltFiles.Float32(1)), "needs 8 data bytes, the file has 4" },
        { "data too long", HandBuiltFiles.Npy(Valid, HandBuiltFiles.Float32(1, 2, 3)), "needs 8 data bytes, the file has 12" },
        { "unsupported dtype", Header("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }"), "unsupported dtype descr '<i4'" },
        { "float16 data cut short", HandBuiltFiles.Npy("{'descr': '<f2', 'fortran_order': False, 'shape': (3,), }\n", [0, 0x3C, 0, 0x3C]), "shape [3] of 2-byte items needs 6 data bytes, the file has 4" },
        { "float16 huge shape, no data", Header("{'descr': '>f2', 'fortran_order': False, 'shape': (4611686018427387904, 2), }"), "overflows" },
        { "bfloat16 as a void type", Header("{'descr': '<V2', 'fortran_order': False, 'shape': (2,), }"), "unsupported dtype descr '<V2'" },
        { "float16 without a byte order", Header("{'descr': 'f2', 'fortran_order': False, 'shape': (2,), }"), "unsupported dtype descr 'f2'" },
        { "native-order dtype", Header("{'descr': '=f4', 'fortran_order': False, 'shape': (2,), }"), "unsupported dtype" },
        { "structured dtype", Header("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }"), "string literal" },
        { "fortran_order not a bool", Header("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }"), "True or False" },
        { "shape an int in parentheses", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (2), }"), "must be a tuple" },
        { "shape a list", Header("{'descr': '<f4', 'fortran_order': False, 'shape': [2], }"), "expected '('" },
        { "negative dimension", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }"), "negative dimension" },
        { "dimension past 64 bits", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }"), "overflows a 64-bit" },
        { "shape product past 64 bits", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }"), "overflows" },
        { "largest byte count a 64-bit size holds", Header("{'descr': '<f8', 'fortran_order': False, 'shape': (1152921504606846975,), }"), "needs 9223372036854775800 data bytes, the file has 8" },
        { "one element more", Header("{'descr': '<f8', 'fortran_order': False, 'shape': (1152921504606846976,), }"), "shape [1152921504606846976] overflows" },
        { "largest byte count, two dimensions", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 768614336404564650), }"), "needs 9223372036854775800 data bytes" },
        { "huge shape, no data", Header("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000, 1000000000), }"), "needs 8000000000000000000 data bytes" },
        { "leading zero", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (02,), }"), "leading zeros" },
        { "missing key", Header("{'descr': '<f4', 'shape': (2,), }"), "must have the keys" },
        { "extra key", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}"), "unexpected key 'x'" },
        { "repeated key", Header("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"), "key 'descr' appears twice" },
        { "repeated fortran_order", Header("{'descr': '<f4', 'fortran_order': False, 'fortran_order': False, 'shape': (2,), }"), "key 'fortran_order' appears twice" },
        { "repeated shape", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'shape': (2,), }"), "key 'shape' appears twice" },
        { "text after the dict", Header(Valid + "x"), "after the header dict" },
        { "unterminated string", Header("{'descr: '<f4', 'fortran_order': False, 'shape': (2,), }"), "expected ':'" },
        { "escape in a string", Header("{'descr': '<f\\4', 'fortran_order': False, 'shape': (2,), }"), "escapes" },
        { "missing closing brace", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), "), "expected a string literal" },
        { "empty header", Header(string.Empty), "expected '{'" },
        { "invalid UTF-8 in a 3.0 header", HandBuiltFiles.Npy([.. "{'descr': '"u8, 0xFF, 0xFE, .. "'"u8], [], 3), "not valid UTF-8" },
        { "magic and version only", HandBuiltFiles.Npy(Valid, [])[..8], "length field" },
        { "zero-length header", HandBuiltFiles.Npy(Valid, [])[..8].Concat(new byte[2]).ToArray(), "expected '{'" },
        { "header length past the end, counted", HandBuiltFiles.Npy(Valid, [])[..40], "(30 bytes follow" },
        { "no comma between items", Header("{'descr': '<f4' 'fortran_order': False, 'shape': (2,), }"), "expected ',' or '}'" },
        { "header ends inside a string", Header("{'descr': '<f4"), "unterminated string literal" },
        { "header ends inside a dimension", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (2"), "expected ',' or ')' in the shape tuple" },
        { "header ends after a minus sign", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (-"), "expected an integer dimension" },
        { "no comma in the shape tuple", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (2 3), }"), "expected ',' or ')' in the shape tuple" },
        { "a name as a dimension", Header("{'descr': '<f4', 'fortran_order': False, 'shape': (n,), }"), "expected an integer dimension" },
        { "latin-1 letter in a 1.0 header", Header("{'descr': '<f4', 'fortran_order': Fälse, 'shape': (2,), }"), "True or False" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Rejects_with_a_message_naming_the_problem(string problem, byte[] file, string messagePart)
    {
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => NpyFile.Read(file));
        Assert.True(error.Message.Contains(messagePart, StringComparison.Ordinal), $"{problem}: message '{error.Message}' lacks '{messagePart}'");
        Assert.StartsWith("npy: ", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Header(string header) => HandBuiltFiles.Npy(header, HandBuiltFiles.Float32(1, 2));

    private static byte[] WithVersion(byte major, byte minor)
    {
        byte[] file = HandBuiltFiles.Npy(Valid, HandBuiltFiles.Float32(1, 2));
        file[6] = major;
        file[7] = minor;
        return file;
    }
}
