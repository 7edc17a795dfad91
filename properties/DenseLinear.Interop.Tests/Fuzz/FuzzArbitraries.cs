using System.Buffers.Binary;
using DenseLinear.IO;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Interop.Tests.Fuzz;

/// <summary>Generators for the fuzz properties: valid files of both formats, then one to four corruptions.</summary>
public static class FuzzArbitraries
{
    // Tokens a header edit splices in: the grammar's own punctuation and keywords, boundary numbers, other dtypes.
    private static readonly string[] HeaderTokens =
    [
        "", " ", ",", ":", "(", ")", "[", "]", "{", "}", "'", "\"", "\\", "\n", "-", "0", "1", "-1", "007", "1.5", "1e30",
        "4294967296", "9223372036854775807", "9223372036854775808", "99999999999999999999", "True", "False", "None",
        "'<f4'", "'>f8'", "'<i8'", "'|u1'", "\"F32\"", "\"F64\"", "\"F16\"", "\"BF16\"", "\"I64\"", "\"dtype\"",
        "\"shape\"", "\"data_offsets\"", "\"__metadata__\"", "'shape'", "'descr'", "'fortran_order'", "null", "\u00e9", "\u2713",
    ];

    // torch.save's own files (oracles/torch/fixtures): the reader has no writer to generate them from.
    private static readonly byte[][] TorchFiles =
        [.. Torch.TorchFixtures.Names("pt").Select(name => File.ReadAllBytes(Path.Combine(Torch.TorchFixtures.Directory, name)))];

    // Keras files as h5py and zipfile write them (oracles/keras/fixtures, copied there by generate.py --fuzz-fixtures).
    private static readonly string KerasDirectory = Path.Combine(AppContext.BaseDirectory, "oracles", "keras", "fixtures");

    private static readonly (string Name, byte[] Bytes)[] KerasFiles =
        [.. Directory.GetFiles(KerasDirectory).Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))];

    /// <summary>Corrupted Keras files: the structures' fields aimed at as often as random bits.</summary>
    public static Arbitrary<CorruptedKerasFile> CorruptedKerasFile() =>
        Arb.From(
            from valid in ValidKeras()
            from count in Gen.Frequency((4, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Choose(3, 4)))
            from corruptions in KerasCorruption().ArrayOf(count)
            select new CorruptedKerasFile(valid with { Corruptions = corruptions }),
            file => file.File.WithOneCorruptionLess().Select(smaller => new CorruptedKerasFile(smaller)));

    /// <summary>Corrupted <c>.pt</c> files only, for the checkpoint reader's own, larger run.</summary>
    public static Arbitrary<CorruptedPyTorchFile> CorruptedPyTorchFile() =>
        Arb.From(
            from valid in ValidPyTorch()
            from count in Gen.Frequency((4, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Choose(3, 4)))
            from corruptions in Corruption().ArrayOf(count)
            select new CorruptedPyTorchFile(valid with { Corruptions = corruptions }),
            file => file.File.WithOneCorruptionLess().Select(smaller => new CorruptedPyTorchFile(smaller)));

    public static Arbitrary<CorruptedFile> CorruptedFile() =>
        Arb.From(
            from valid in Gen.OneOf(ValidNpy(), ValidSafetensors())
            from count in Gen.Frequency((4, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Choose(3, 4)))
            from corruptions in Corruption().ArrayOf(count)
            select valid with { Corruptions = corruptions },
            file => file.WithOneCorruptionLess());

    private static Gen<Corruption> Corruption() => Gen.Frequency(
        (4, from offset in Gen.Choose(0, int.MaxValue) from bit in Gen.Choose(0, 7) select (Corruption)new BitFlip(offset, bit)),
        (2, from offset in Gen.Choose(0, int.MaxValue) from bit in Gen.Choose(0, 7) select (Corruption)new DataBitFlip(offset, bit)),
        (2, Gen.Choose(0, int.MaxValue).Select(length => (Corruption)new Truncation(length))),
        (2, HeaderLengths().Select(value => (Corruption)new HeaderLengthValue(value))),
        (5, from offset in Gen.Choose(0, int.MaxValue)
            from delete in Gen.Choose(0, 4)
            from token in Gen.Elements(HeaderTokens)
            select (Corruption)new HeaderEdit(offset, delete, token)));

    private static Gen<Corruption> KerasCorruption() => Gen.Frequency(
        (3, from offset in Gen.Choose(0, int.MaxValue) from bit in Gen.Choose(0, 7) select (Corruption)new BitFlip(offset, bit)),
        (1, Gen.Choose(0, int.MaxValue).Select(length => (Corruption)new Truncation(length))),
        (1, HeaderLengths().Select(value => (Corruption)new HeaderLengthValue(value))),
        (5, from anchor in Gen.Choose(0, int.MaxValue)
            from delta in Gen.Choose(0, 255)
            from width in Gen.Elements(1, 2, 4, 8)
            from value in Gen.OneOf(HeaderLengths(), Gen.Choose(0, 255).Select(v => (ulong)v), Gen.Choose(0, int.MaxValue).Select(v => (ulong)v))
            select (Corruption)new StructureFieldWrite(anchor, delta, width, value)));

    private static Gen<ulong> HeaderLengths() => Gen.OneOf(
        Gen.Choose(0, 300).Select(value => (ulong)value),
        Gen.Elements<ulong>(0xFFFFul, 0xFFFF_FFFFul, 0x7FFF_FFFFul, 1ul << 31, 1ul << 32, (ulong)long.MaxValue, 1ul << 63, ulong.MaxValue));

    private static Gen<long[]> Shape() =>
        Gen.Choose(0, 4).SelectMany(rank => Gen.Choose(0, 4).ArrayOf(rank)).Select(dims => dims.Select(d => (long)d).ToArray());

    private static Gen<StoredTensor> Tensor(TensorDType[] dtypes) =>
        from dtype in Gen.Elements(dtypes)
        from shape in Shape()
        select Formats.SampleTensors.Awkward(dtype, shape);

    private static Gen<CorruptedFile> ValidNpy() =>
        from tensor in Tensor(Formats.SampleTensors.NpyDTypes)
        from version in Gen.Elements(Enum.GetValues<NpyFormatVersion>())
        from fortran in Gen.Elements(false, true)
        from bigEndian in Gen.Elements(false, true)
        let options = new NpyWriteOptions { Version = version, FortranOrder = fortran, BigEndian = bigEndian }
        let bytes = NpyFile.ToBytes(tensor, options)
        let lengthSize = version == NpyFormatVersion.Version1 ? 2 : 4
        let headerLength = lengthSize == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8))
        select new CorruptedFile(WeightFileFormat.Npy, $"{tensor} {options}", bytes, new FileLayout(8, lengthSize, 8 + lengthSize + headerLength), []);

    private static Gen<CorruptedFile> ValidSafetensors() =>
        from count in Gen.Choose(1, 3)
        from tensors in Tensor(Enum.GetValues<TensorDType>()).ArrayOf(count)
        from withMetadata in Gen.Elements(false, true)
        let content = new SafetensorsContent(
            tensors.Select((t, i) => new KeyValuePair<string, StoredTensor>($"layer{i}.weight", t)),
            withMetadata ? [new("format", "pt")] : null)
        let bytes = SafetensorsFile.ToBytes(content)
        select new CorruptedFile(WeightFileFormat.Safetensors, string.Join("; ", tensors.Select(t => t.ToString())), bytes, new FileLayout(0, 8, 8 + (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes)), []);

    // The "length field" is the HDF5 superblock's end-of-file address (version 0, 8-byte addresses), or a zip's
    // central-directory offset; structure field writes do the rest.
    private static Gen<CorruptedFile> ValidKeras() =>
        from index in Gen.Choose(0, KerasFiles.Length - 1)
        let file = KerasFiles[index]
        let zip = file.Bytes[0] == (byte)'P'
        select new CorruptedFile(WeightFileFormat.Keras, file.Name, file.Bytes, zip ? new FileLayout(file.Bytes.Length - 22 + 16, 4, 0) : new FileLayout(40, 8, 0), []);

    // The "length field" is the end record's central-directory offset; the "header" is empty, so header edits leave
    // the file alone and data bit flips may land anywhere, the pickle included.
    private static Gen<CorruptedFile> ValidPyTorch() =>
        from index in Gen.Choose(0, TorchFiles.Length - 1)
        let bytes = TorchFiles[index]
        select new CorruptedFile(WeightFileFormat.PyTorch, Torch.TorchFixtures.Names("pt")[index], bytes, new FileLayout(bytes.Length - 22 + 16, 4, 0), []);
}
