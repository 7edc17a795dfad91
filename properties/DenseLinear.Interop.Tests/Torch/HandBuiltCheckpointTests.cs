using System.Buffers.Binary;
using DenseLinear.IO;
using Xunit;
using static DenseLinear.Interop.Tests.Torch.HandBuiltStateDicts;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// <see cref="PyTorchCheckpointFile"/> on hand-built checkpoints: the archive layout, the state_dict's entries, the
/// storage types and byte orders, the tensor calls and views. Each refusal is asserted by its own message.
/// </summary>
public sealed class HandBuiltCheckpointTests
{
    [Fact]
    public void A_hand_built_checkpoint_reads_like_a_saved_one()
    {
        SafetensorsContent content = PyTorchCheckpointFile.Read(WithSix(StateDict(("w", Matrix))));
        Assert.Equal([2L, 3L], content["w"].Shape.ToArray());
        Assert.Equal(Six, content["w"].GetValues<float>().ToArray());
    }

    [Fact]
    public void An_empty_archive_is_refused() => Rejects(HandBuiltCheckpoint.Zip(), "the zip archive is empty");

    [Theory]
    [InlineData("data.pkl")]
    [InlineData("/data.pkl")]
    [InlineData("")]
    public void A_first_record_outside_any_folder_is_refused(string name) =>
        Rejects(HandBuiltCheckpoint.Zip((name, StateDict())), $"zip record '{name}' is not inside a top folder");

    [Fact]
    public void A_record_outside_the_top_folder_is_refused() =>
        Rejects(HandBuiltCheckpoint.Zip(("archive/data.pkl", StateDict()), ("other/data/0", [])), "zip record 'other/data/0' is outside the top folder 'archive/'");

    [Fact]
    public void An_archive_without_data_pkl_is_refused() =>
        Rejects(HandBuiltCheckpoint.Zip(("archive/byteorder", "little"u8.ToArray())), "the archive has no 'archive/data.pkl'");

    [Fact]
    public void A_pickle_of_other_than_a_dict_is_refused() =>
        Rejects(WithSix(new PickleWriter().Proto(2).EmptyList().Stop().ToArray()), "data.pkl does not hold a dict");

    [Theory]
    [InlineData(false, "the state_dict entry 'a' is a Int64, not a string naming a tensor")]
    [InlineData(true, "the state_dict entry 'a' is a None, not a string naming a tensor")]
    public void An_entry_that_is_not_a_tensor_is_refused(bool none, string message) =>
        Rejects(WithSix(StateDict(("a", w => _ = none ? w.None() : w.Int(1)))), message);

    [Fact]
    public void A_reserved_name_is_refused() =>
        Rejects(WithSix(StateDict((SafetensorsFile.MetadataKey, Matrix))), $"the state_dict name '{SafetensorsFile.MetadataKey}' is reserved or repeated");

    [Fact]
    public void A_repeated_name_is_refused() =>
        Rejects(WithSix(StateDict(("w", Matrix), ("w", Matrix))), "the state_dict name 'w' is reserved or repeated");

    // A tensor stored once under two names (one reference, by memo) is read once, so a storage of more than half the
    // file fits; two references over that storage are two views, and the second is refused once the file's bytes
    // are spent.
    [Fact]
    public void A_shared_tensor_is_charged_once_and_two_full_views_of_a_large_storage_are_not()
    {
        float[] large = [.. Enumerable.Range(0, 1000).Select(i => i + 0.25f)];
        Action<PickleWriter> full = Tensor([1000], [1], elementCount: 1000);
        PickleWriter pickle = new PickleWriter().Proto(2).EmptyDict().Mark().String("w");
        full(pickle);
        byte[] shared = pickle.Put(3).String("v").Get(3).SetItems().Stop().ToArray();
        byte[] file = HandBuiltCheckpoint.Create(shared, "little", ("0", HandBuiltCheckpoint.Floats(false, large)));
        Assert.True(file.Length < 2 * large.Length * sizeof(float));
        Assert.Equal(large, Read(file, "w"));
        Assert.Equal(large, Read(file, "v"));

        byte[] twice = HandBuiltCheckpoint.Create(StateDict(("w", full), ("v", full)), "little", ("0", HandBuiltCheckpoint.Floats(false, large)));
        Rejects(twice, "tensor 'v' has 1000 elements of 4 bytes, more than the file's");
    }

    // A broadcast view (stride 0) of one element may have as many elements as the file has bytes for, and no more.
    [Fact]
    public void A_broadcast_view_may_spend_the_whole_file_and_no_more()
    {
        int length = Broadcast(0).Length;
        int most = length / sizeof(float);
        Assert.Equal(length, Broadcast(most).Length);
        Assert.All(Read(Broadcast(most), "w"), value => Assert.Equal(0.5f, value));
        Rejects(Broadcast(most + 1), $"tensor 'w' has {most + 1} elements of 4 bytes, more than the file's {length} bytes hold");
    }

    [Fact]
    public void A_checkpoint_without_byteorder_is_little_endian() =>
        Assert.Equal(Six, Read(HandBuiltCheckpoint.Create(StateDict(("w", Matrix)), null, ("0", HandBuiltCheckpoint.Floats(false, Six))), "w"));

    [Fact]
    public void A_big_endian_float32_checkpoint_reads_its_values() =>
        Assert.Equal(Six, Read(HandBuiltCheckpoint.Create(StateDict(("w", Matrix)), "big", ("0", HandBuiltCheckpoint.Floats(true, Six))), "w"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_float64_checkpoint_reads_its_values_in_either_order(bool bigEndian)
    {
        double[] values = [0.5, -1.25, 3e300];
        var bytes = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++)
        {
            Span<byte> item = bytes.AsSpan(i * sizeof(double));
            if (bigEndian)
            {
                BinaryPrimitives.WriteDoubleBigEndian(item, values[i]);
            }
            else
            {
                BinaryPrimitives.WriteDoubleLittleEndian(item, values[i]);
            }
        }

        byte[] file = HandBuiltCheckpoint.Create(StateDict(("w", Tensor([3], [1], elementCount: 3, type: "DoubleStorage"))), bigEndian ? "big" : "little", ("0", bytes));
        StoredTensor tensor = PyTorchCheckpointFile.Read(file)["w"];
        Assert.Equal(TensorDType.Float64, tensor.DType);
        Assert.Equal(values, tensor.GetValues<double>().ToArray());
    }

    // float16 and bfloat16 are kept as stored, a signalling NaN's bits included, in either byte order; read through a
    // transposed view (stride 2, 1 over a 2×2 storage) so the gather moves 2-byte items.
    [Theory]
    [InlineData("HalfStorage", false)]
    [InlineData("HalfStorage", true)]
    [InlineData("BFloat16Storage", false)]
    [InlineData("BFloat16Storage", true)]
    public void A_16_bit_checkpoint_keeps_its_bits_in_either_order(string type, bool bigEndian)
    {
        ushort[] storage = type == "HalfStorage" ? [0x3E00, 0xC000, 0x7C01, 0x0001] : [0x3FC0, 0xC000, 0x7F81, 0x0001];
        var bytes = new byte[storage.Length * 2];
        for (int i = 0; i < storage.Length; i++)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i * 2), storage[i]);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), storage[i]);
            }
        }

        byte[] file = HandBuiltCheckpoint.Create(StateDict(("w", Tensor([2, 2], [1, 2], elementCount: 4, type: type))), bigEndian ? "big" : "little", ("0", bytes));
        StoredTensor tensor = PyTorchCheckpointFile.Read(file)["w"];
        ushort[] expected = [storage[0], storage[2], storage[1], storage[3]];
        if (type == "HalfStorage")
        {
            Assert.Equal(TensorDType.Float16, tensor.DType);
            Assert.Equal(expected, tensor.GetValues<Half>().ToArray().Select(BitConverter.HalfToUInt16Bits));
        }
        else
        {
            Assert.Equal(TensorDType.BFloat16, tensor.DType);
            Assert.Equal(expected, tensor.GetBFloat16Values().ToArray().Select(b => b.Bits));
        }
    }

    [Theory]
    [InlineData("HalfStorage")]
    [InlineData("BFloat16Storage")]
    public void A_16_bit_storage_record_of_another_length_than_its_numel_is_refused(string type) =>
        Rejects(WithSix(StateDict(("w", Tensor([2], [1], elementCount: 13, type: type)))), "storage data/0 is 24 bytes, not 13 elements of 2 bytes");

    [Theory]
    [InlineData("middle", "'middle'")]
    [InlineData("littlelittlelittle", "'littlelittlelitt'")]
    public void Another_byteorder_is_refused_naming_at_most_16_bytes_of_it(string order, string quoted) =>
        Rejects(HandBuiltCheckpoint.Create(StateDict(("w", Matrix)), order, ("0", HandBuiltCheckpoint.Floats(false, Six))), $"the byteorder record is {quoted}, not 'little' or 'big'");

    [Theory]
    [InlineData("LongStorage")]
    [InlineData("IntStorage")]
    [InlineData("ShortStorage")]
    [InlineData("CharStorage")]
    [InlineData("ByteStorage")]
    [InlineData("BoolStorage")]
    [InlineData("ComplexFloatStorage")]
    [InlineData("ComplexDoubleStorage")]
    [InlineData("QInt8Storage")]
    [InlineData("QUInt8Storage")]
    [InlineData("QInt32Storage")]
    public void A_tensor_of_an_unread_type_is_refused_by_its_type(string type) =>
        Rejects(WithSix(StateDict(("w", Tensor([2], [1], type: type)))), $"tensor 'w' is stored as torch.{type}; only float32, float64, float16 and bfloat16 tensors are read");

    [Fact]
    public void A_storage_without_its_record_is_refused() =>
        Rejects(WithSix(StateDict(("w", Tensor([2], [1], key: "9")))), "tensor 'w' names storage '9', which has no data/9 record");

    // The record must hold exactly numel elements; a numel whose byte count wraps around 64 bits to the record's
    // length is refused too.
    [Theory]
    [InlineData(5L)]
    [InlineData(7L)]
    [InlineData((1L << 62) + 6)]
    public void A_storage_record_of_another_length_than_its_numel_is_refused(long elementCount) =>
        Rejects(WithSix(StateDict(("w", Tensor([2], [1], elementCount: elementCount)))), $"storage data/0 is 24 bytes, not {elementCount} elements of 4 bytes");

    [Fact]
    public void A_parameter_call_without_its_arguments_is_refused() =>
        Rejects(WithSix(StateDict(("w", w => w.Global("torch._utils", "_rebuild_parameter").EmptyTuple().Reduce()))), "calls 'torch._utils._rebuild_parameter' with 0 arguments");

    // torch 2 passes a seventh argument (metadata); an eighth is not a form torch.save writes.
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void A_tensor_call_takes_at_most_seven_arguments(int extra, bool read)
    {
        byte[] file = WithSix(StateDict(("w", w =>
        {
            w.Global("torch._utils", "_rebuild_tensor_v2").Mark().Storage("FloatStorage", "0", 6).BinInt(0).IntTuple(6).IntTuple(1).Bool(false).OrderedDict();
            for (int i = 0; i < extra; i++)
            {
                w.None();
            }

            w.Tuple().Reduce();
        }
        )));
        if (read)
        {
            Assert.Equal(Six, Read(file, "w"));
        }
        else
        {
            Rejects(file, $"calls 'torch._utils._rebuild_tensor_v2' with {6 + extra} arguments");
        }
    }

    [Fact]
    public void A_negative_size_entry_is_refused() =>
        Rejects(WithSix(StateDict(("w", Tensor([2, -1], [1, 1])))), "a tensor size entry 1 is not a non-negative integer");

    [Fact]
    public void A_stride_entry_that_is_not_an_integer_is_refused() =>
        Rejects(WithSix(StateDict(("w", w => w.Global("torch._utils", "_rebuild_tensor_v2").Mark().Storage("FloatStorage", "0", 6)
            .BinInt(0).IntTuple(2).None().Tuple(1).Bool(false).OrderedDict().Tuple().Reduce()))), "a tensor stride entry 0 is not a non-negative integer");

    [Fact]
    public void A_size_and_stride_of_different_ranks_are_refused() =>
        Rejects(WithSix(StateDict(("w", Tensor([2], [1, 1])))), "size [2], stride [1, 1] and storage offset 0; size and stride must have one entry per dimension");

    [Fact]
    public void A_tensor_of_64_dimensions_is_read_and_one_of_65_refused()
    {
        long[] ones = [.. Enumerable.Repeat(1L, 64)];
        StoredTensor tensor = PyTorchCheckpointFile.Read(WithSix(StateDict(("w", Tensor(ones, ones, offset: 5)))))["w"];
        Assert.Equal(64, tensor.Rank);
        Assert.Equal([5.5f], tensor.GetValues<float>().ToArray());
        Rejects(WithSix(StateDict(("w", Tensor([.. ones, 1], [.. ones, 1])))), "a tensor size has 65 dimensions; at most 64 are read");
    }

    [Fact]
    public void A_view_of_more_elements_than_64_bits_count_is_refused() =>
        Rejects(WithSix(StateDict(("w", Tensor([1L << 32, 1L << 32], [0, 0])))), "tensor 'w' has size [4294967296, 4294967296], stride [0, 0], storage offset 0, more elements than 64 bits count");

    [Fact]
    public void An_empty_view_may_start_at_the_storage_end_and_not_past_it()
    {
        Assert.Empty(Read(WithSix(StateDict(("w", Tensor([0], [1], offset: 6)))), "w"));
        Rejects(WithSix(StateDict(("w", Tensor([0], [1], offset: 7)))), "tensor 'w' has size [0], stride [1], storage offset 7, an offset past its 6-element storage");
    }

    [Fact]
    public void A_view_past_its_storage_names_the_element_it_reaches() =>
        Rejects(WithSix(StateDict(("w", Tensor([2, 3], [3, 2])))), "tensor 'w' has size [2, 3], stride [3, 2], storage offset 0, which reaches element 7 of a 6-element storage");

    // 1·2⁶² is the last element in range of a long; 2·2⁶² is past it, and the reach saturates at long.MaxValue.
    [Theory]
    [InlineData(2L, 4611686018427387904L)]
    [InlineData(3L, long.MaxValue)]
    public void A_view_with_a_huge_stride_names_its_reach_without_overflow(long size, long reach) =>
        Rejects(WithSix(StateDict(("w", Tensor([size], [1L << 62])))), $"which reaches element {reach} of a 6-element storage");

    // A checkpoint whose tensor 'w' is `count` copies of storage element 0, the count written in eight bytes.
    private static byte[] Broadcast(long count) =>
        HandBuiltCheckpoint.Create(
            StateDict(("w", w => w.Global("torch._utils", "_rebuild_tensor_v2").Mark().Storage("FloatStorage", "0", 1)
                .BinInt(0).Long8(count).Tuple(1).Long8(0).Tuple(1).Bool(false).OrderedDict().Tuple().Reduce())),
            "little",
            ("0", HandBuiltCheckpoint.Floats(false, 0.5f)));
}
