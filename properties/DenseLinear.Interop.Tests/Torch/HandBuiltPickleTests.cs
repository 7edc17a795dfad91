using Xunit;
using static DenseLinear.Interop.Tests.Torch.HandBuiltStateDicts;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// The restricted unpickler on hand-written <c>data.pkl</c> streams: every opcode it accepts, in one state_dict whose
/// structure breaks if any opcode pushes, pops or stores the wrong thing, and each malformed stream refused with its
/// own message.
/// </summary>
public sealed class HandBuiltPickleTests
{
    // Protocol 4 as pickle writes it (FRAME, MEMOIZE, SHORT_BINUNICODE, STACK_GLOBAL) mixed with the protocol-2
    // opcodes torch.save uses. The '_metadata' state set by BUILD holds every plain value kind, each as a dict value,
    // so a push that goes missing leaves SETITEMS an odd count; 'v' is the tensor 'w' again by LONG_BINGET, 'p' a
    // parameter over storage 1 whose id reuses a memoized string, and 'alias' reads the key memoized first.
    [Fact]
    public void A_state_dict_using_every_accepted_opcode_reads_its_tensors()
    {
        PickleWriter pickle = new PickleWriter().Proto(4).Frame(0)
            .StackGlobal("collections", "OrderedDict").EmptyTuple().Reduce()
            .Mark()
            .ShortString("w").Memoize()
            .Global("torch._utils", "_rebuild_tensor_v2").Mark()
            .Mark().String("storage").Put(1).Global("torch", "FloatStorage").ShortString("0").String("cpu").Int(6).Tuple().PersistentId()
            .Long1().IntTuple(2, 3).Int(3).Int(1).Tuple(2).Bool(false).OrderedDict().Tuple().Reduce().LongPut(7)
            .String("v").LongGet(7)
            .String("p")
            .Global("torch._utils", "_rebuild_parameter")
            .Global("torch._utils", "_rebuild_tensor_v2").Mark()
            .Mark().Get(1).StackGlobal("torch", "FloatStorage").String("1").String("cpu").Int(2).Tuple().PersistentId()
            .BinInt(1).Int(1).Tuple(1).Int(1).Tuple(1).Bool(false).OrderedDict().Tuple().Reduce()
            .Bool(true).OrderedDict().Tuple(3).Reduce()
            .SetItems()
            .EmptyDict().Mark()
            .String("none").None()
            .String("true").Bool(true)
            .String("false").Bool(false)
            .String("float").Float(1.5)
            .String("int2").Int(300)
            .String("int4").Int(70000)
            .String("long").Long1(0x05)
            .String("alias").Get(0)
            .String("tuple").Mark().Int(1).Int(2).Int(3).Int(4).Tuple()
            .String("list").EmptyList().Int(1).Append().Mark().Float(2.5).Bool(true).Bool(false).Appends()
            .String("pair").Int(1).Int(2).Tuple(2)
            .SetItems()
            .String("one").EmptyTuple().SetItem()
            .Build()
            .Stop();
        byte[] file = HandBuiltCheckpoint.Create(pickle.ToArray(), "little", ("0", HandBuiltCheckpoint.Floats(false, Six)), ("1", HandBuiltCheckpoint.Floats(false, -1f, -2f)));

        Assert.Equal(Six, Read(file, "w"));
        Assert.Equal(Six, Read(file, "v"));
        Assert.Equal([-2f], Read(file, "p"));
        Assert.Equal(["w", "v", "p"], DenseLinear.IO.PyTorchCheckpointFile.Read(file).Names);
    }

    [Fact]
    public void A_stop_with_two_values_on_the_stack_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).EmptyDict().EmptyDict().Stop(), "stops with 2 values on its stack instead of one");

    [Fact]
    public void A_stop_with_only_a_mark_on_the_stack_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).Mark().Stop(), "stops with 1 values on its stack instead of one");

    [Fact]
    public void Bytes_after_the_stop_are_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).EmptyDict().Stop().Raw(0x2e, 0x2e), "has 2 bytes after its STOP opcode");

    [Fact]
    public void A_stack_global_of_other_than_two_strings_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(4).ShortString("torch").Int(1).Raw(0x93), "STACK_GLOBAL takes two strings");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_build_on_or_with_other_than_a_dict_is_refused(bool listFirst)
    {
        PickleWriter pickle = new PickleWriter().Proto(2);
        _ = listFirst ? pickle.EmptyList().EmptyDict() : pickle.EmptyDict().EmptyList();
        RejectsPickle(pickle.Build(), "BUILD sets state on something other than a dict");
    }

    [Fact]
    public void An_append_to_other_than_a_list_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).EmptyDict().Int(1).Append(), "appends to something that is not a list");

    [Fact]
    public void Set_items_with_an_odd_count_are_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).EmptyDict().Mark().String("w").SetItems(), "odd number of keys and values");

    // LONG1 is two's complement of its own width: 0 bytes is 0, a set top bit below 8 bytes is negative, 8 bytes are
    // the long itself, 9 are refused. The offsets read back as values of the six-element storage, or are refused as negative.
    [Theory]
    [InlineData(new byte[0], 0)]
    [InlineData(new byte[] { 0x03 }, 3)]
    [InlineData(new byte[] { 0x02, 0x00, 0x00 }, 2)]
    [InlineData(new byte[] { 0x04, 0, 0, 0, 0, 0, 0, 0 }, 4)]
    [InlineData(new byte[] { 0x01, 0x00 }, 1)]
    public void Long1_offsets_read_as_their_value(byte[] littleEndian, int offset)
    {
        Assert.Equal(Six[offset..(offset + 2)], Read(WithSix(TwoElementsFromLong1Offset(littleEndian)), "w"));
    }

    [Theory]
    [InlineData(new byte[] { 0xfd }, "-3")]
    [InlineData(new byte[] { 0xff, 0xff }, "-1")]
    [InlineData(new byte[] { 0x00, 0x80 }, "-32768")]
    [InlineData(new byte[] { 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, "-2")]
    public void Negative_long1_offsets_are_refused_with_their_value(byte[] littleEndian, string value) =>
        Rejects(WithSix(TwoElementsFromLong1Offset(littleEndian)), $"storage offset {value};");

    [Fact]
    public void A_long1_of_nine_bytes_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).Long1(1, 0, 0, 0, 0, 0, 0, 0, 0), "has a 9-byte integer; at most 8 bytes are read");

    [Fact]
    public void A_global_without_its_newline_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).Raw((byte)'c').Raw("torch"u8.ToArray()), "GLOBAL name has no terminating newline");

    // A string that ends exactly at the pickle's end is read, and the pickle is then refused for ending inside the
    // next opcode; one byte longer and the string itself is refused.
    [Fact]
    public void A_string_is_read_up_to_the_pickle_end_and_not_past_it()
    {
        byte[] exact = [.. new PickleWriter().Proto(2).EmptyDict().Raw((byte)'X', 3, 0, 0, 0).ToArray(), .. "abc"u8];
        Rejects(WithSix(exact), "ends inside an opcode at byte");
        byte[] over = [.. new PickleWriter().Proto(2).EmptyDict().Raw((byte)'X', 4, 0, 0, 0).ToArray(), .. "abc"u8];
        Rejects(WithSix(over), "string of 4 bytes runs past the pickle's end");
    }

    [Fact]
    public void A_string_that_is_not_utf8_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).EmptyDict().StringBytes([0x77, 0xff]), "has a string that is not valid UTF-8");

    [Fact]
    public void A_tuple_of_more_values_than_the_stack_holds_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).Int(1).Tuple(2), "uses more values than its stack holds");

    [Fact]
    public void A_mark_used_as_a_value_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).Mark().Int(1).Tuple(2), "uses a MARK as a value");

    [Fact]
    public void A_tuple_without_a_mark_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).Int(1).Tuple(), "collects items up to a MARK it never set");

    // A MARK at the very bottom of the stack is a mark: the tuple is built, and the pickle refused only for not being a dict.
    [Fact]
    public void A_mark_at_the_bottom_of_the_stack_is_found() =>
        RejectsPickle(new PickleWriter().Mark().Int(1).Tuple().Stop(), "does not hold a dict");

    [Fact]
    public void A_get_of_a_memo_entry_never_put_is_refused() =>
        RejectsPickle(new PickleWriter().Proto(2).EmptyDict().Put(0).LongGet(1), "reads memo entry 1, which was never stored");

    // A state_dict whose tensor 'w' is two elements of storage 0 from an offset written as LONG1 of these bytes.
    private static byte[] TwoElementsFromLong1Offset(byte[] littleEndian) =>
        StateDict(("w", w => w
            .Global("torch._utils", "_rebuild_tensor_v2").Mark()
            .Storage("FloatStorage", "0", 6).Long1(littleEndian).IntTuple(2).IntTuple(1).Bool(false).OrderedDict().Tuple().Reduce()));
}
