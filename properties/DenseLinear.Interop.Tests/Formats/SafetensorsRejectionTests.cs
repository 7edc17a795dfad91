using System.Buffers.Binary;
using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>Each malformed .safetensors file raises InvalidDataException whose message names the problem.</summary>
public sealed class SafetensorsRejectionTests
{
    public static TheoryData<string, byte[], string> MalformedFiles() => new()
    {
        { "empty file", [], "shorter than the 8-byte header length" },
        { "7 bytes", new byte[7], "shorter than the 8-byte header length" },
        { "header length past the end", HeaderLength(1000), "runs past the end" },
        { "header length past the end, counted", HeaderLength(1000), "header length 1000 runs past the end of the file (16 bytes follow the length field)" },
        { "length field only", HeaderLengthOnly(1), "header length 1 runs past the end of the file (0 bytes follow the length field)" },
        { "length field only, empty header", HeaderLengthOnly(0), "not valid JSON" },
        { "header length 2^64 - 1", HeaderLength(ulong.MaxValue), "runs past the end" },
        { "empty header", HeaderLength(0), "not valid JSON" },
        { "bad JSON", File("{\"w\": {", []), "not valid JSON" },
        { "trailing garbage", File("{} x", []), "not valid JSON" },
        { "not an object", File("[1, 2]", []), "must be a JSON object" },
        { "invalid UTF-8 in a name (found by the fuzz test)", [9, 0, 0, 0, 0, 0, 0, 0, .. "{\""u8, 0xFF, .. "\":\"x\"}"u8], "not valid UTF-8" },
        { "unpaired surrogate escape in a name", File("{\"\\ud800\":" + Entry("F32", "[1]", "[0,4]") + "}", new byte[4]), "a header string is not valid Unicode" },
        { "unpaired low surrogate escape in a metadata key", File("{\"__metadata__\":{\"\\udc00\":\"x\"}}", []), "a header string is not valid Unicode" },
        { "unpaired surrogate escape in a metadata value", File("{\"__metadata__\":{\"a\":\"\\ud800\"}}", []), "a header string is not valid Unicode" },
        { "unpaired surrogate escape in a dtype", File("{\"w\":" + Entry("F\\ud800", "[1]", "[0,4]") + "}", new byte[4]), "a header string is not valid Unicode" },
        { "entry not an object", File("{\"w\": 3}", []), "'w' must be an object" },
        { "repeated name", File("{\"w\":" + Entry("F32", "[1]", "[0,4]") + ",\"w\":" + Entry("F32", "[1]", "[4,8]") + "}", new byte[8]), "not valid JSON" },
        { "metadata not an object", File("{\"__metadata__\": [\"a\"]}", []), "must be an object of strings" },
        { "metadata value not a string", File("{\"__metadata__\": {\"a\": 1}}", []), "must be a string" },
        { "unknown dtype", File("{\"w\":" + Entry("Q8", "[1]", "[0,1]") + "}", new byte[1]), "unsupported dtype 'Q8'" },
        { "integer dtype", File("{\"w\":" + Entry("I32", "[1]", "[0,4]") + "}", new byte[4]), "unsupported dtype 'I32'" },
        { "dtype not a string", File("{\"w\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]), "dtype must be a string" },
        { "missing data_offsets", File("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", new byte[4]), "must have dtype, shape and data_offsets" },
        { "missing dtype", File("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]), "'w' must have dtype, shape and data_offsets" },
        { "missing shape", File("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", new byte[4]), "'w' must have dtype, shape and data_offsets" },
        { "shape not an array", File("{\"w\":" + Entry("F32", "1", "[0,4]") + "}", new byte[4]), "'w'.shape must be an array of integers" },
        { "data_offsets not an array", File("{\"w\":" + Entry("F32", "[1]", "{\"begin\":0}") + "}", new byte[4]), "'w'.data_offsets must be an array of integers" },
        { "extra key", File("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":0}}", new byte[4]), "unexpected or repeated key 'x'" },
        { "negative dimension", File("{\"w\":" + Entry("F32", "[-1]", "[0,4]") + "}", new byte[4]), "shape[0] is negative" },
        { "fractional dimension", File("{\"w\":" + Entry("F32", "[1.5]", "[0,4]") + "}", new byte[4]), "not an integer" },
        { "dimension past 64 bits", File("{\"w\":" + Entry("F32", "[1e30]", "[0,4]") + "}", new byte[4]), "not an integer that fits 64 bits" },
        { "shape product past 64 bits", File("{\"w\":" + Entry("F64", "[4294967296,4294967296]", "[0,8]") + "}", new byte[8]), "overflows" },
        { "offsets reversed", File("{\"w\":" + Entry("F32", "[1]", "[4,0]") + "}", new byte[4]), "begin <= end" },
        { "three offsets", File("{\"w\":" + Entry("F32", "[1]", "[0,4,8]") + "}", new byte[4]), "begin <= end" },
        { "negative offset", File("{\"w\":" + Entry("F32", "[1]", "[-4,0]") + "}", new byte[4]), "data_offsets[0] is negative" },
        { "size mismatch", File("{\"w\":" + Entry("F32", "[2]", "[0,4]") + "}", new byte[4]), "needs 8 bytes" },
        { "bfloat16 size mismatch", File("{\"w\":" + Entry("BF16", "[3]", "[0,4]") + "}", new byte[4]), "'w' shape [3] of BF16 needs 6 bytes but data_offsets [0, 4] span 4" },
        { "float16 size mismatch", File("{\"w\":" + Entry("F16", "[1]", "[0,4]") + "}", new byte[4]), "'w' shape [1] of F16 needs 2 bytes but data_offsets [0, 4] span 4" },
        { "bfloat16 shape product past 64 bits", File("{\"w\":" + Entry("BF16", "[4611686018427387904,2]", "[0,2]") + "}", new byte[2]), "overflows" },
        { "lower-case dtype", File("{\"w\":" + Entry("bf16", "[1]", "[0,2]") + "}", new byte[2]), "unsupported dtype 'bf16'" },
        { "size mismatch after the start", File("{\"a\":" + Entry("F32", "[1]", "[0,4]") + ",\"w\":" + Entry("F32", "[2]", "[4,8]") + "}", new byte[8]), "'w' shape [2] of F32 needs 8 bytes but data_offsets [4, 8] span 4" },
        { "huge shape, little data", File("{\"w\":" + Entry("F64", "[1000000000,1000000000]", "[0,8000000000000000000]") + "}", new byte[8]), "run past the data buffer" },
        { "offsets past the end", File("{\"w\":" + Entry("F32", "[2]", "[0,8]") + "}", new byte[4]), "run past the data buffer" },
        { "overlap", File("{\"a\":" + Entry("F32", "[2]", "[0,8]") + ",\"b\":" + Entry("F32", "[1]", "[4,8]") + "}", new byte[8]), "overlap" },
        { "hole", File("{\"a\":" + Entry("F32", "[1]", "[0,4]") + ",\"b\":" + Entry("F32", "[1]", "[8,12]") + "}", new byte[12]), "belong to no tensor" },
        { "uncovered tail", File("{\"a\":" + Entry("F32", "[1]", "[0,4]") + "}", new byte[8]), "the tensors cover 4" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Rejects_with_a_message_naming_the_problem(string problem, byte[] file, string messagePart)
    {
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(file));
        Assert.True(error.Message.Contains(messagePart, StringComparison.Ordinal), $"{problem}: message '{error.Message}' lacks '{messagePart}'");
        Assert.StartsWith("safetensors: ", error.Message, StringComparison.Ordinal);
    }

    private static string Entry(string dtype, string shape, string offsets) =>
        $"{{\"dtype\":\"{dtype}\",\"shape\":{shape},\"data_offsets\":{offsets}}}";

    private static byte[] File(string json, byte[] data) => HandBuiltFiles.Safetensors(json, data);

    private static byte[] HeaderLengthOnly(ulong length)
    {
        var file = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(file, length);
        return file;
    }

    private static byte[] HeaderLength(ulong length)
    {
        var file = new byte[8 + 16];
        BinaryPrimitives.WriteUInt64LittleEndian(file, length);
        return file;
    }
}
