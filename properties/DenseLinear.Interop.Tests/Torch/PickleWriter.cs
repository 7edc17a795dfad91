using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// Writes a pickle opcode by opcode, as the tests need one: well formed in the forms <c>torch.save</c> and pickle
/// protocols 2 to 4 emit, or broken on purpose. Every method appends one opcode (or one common group of them) and
/// returns the writer. The opcode bytes are those of CPython's <c>pickletools</c>.
/// </summary>
public sealed class PickleWriter
{
    private readonly List<byte> bytes = [];

    /// <summary>The pickle so far.</summary>
    public byte[] ToArray() => [.. bytes];

    public PickleWriter Raw(params byte[] raw)
    {
        bytes.AddRange(raw);
        return this;
    }

    public PickleWriter Proto(byte version) => Raw(0x80, version);

    public PickleWriter Frame(long length) => Op(0x95).Raw(Little(length, 8));

    public PickleWriter Stop() => Op((byte)'.');

    public PickleWriter Mark() => Op((byte)'(');

    public PickleWriter EmptyDict() => Op((byte)'}');

    public PickleWriter EmptyList() => Op((byte)']');

    public PickleWriter EmptyTuple() => Op((byte)')');

    public PickleWriter None() => Op((byte)'N');

    public PickleWriter Bool(bool value) => Op(value ? (byte)0x88 : (byte)0x89);

    /// <summary>BININT1, BININT2 or BININT, the shortest that holds <paramref name="value"/>, as pickle picks.</summary>
    public PickleWriter Int(int value) =>
        value is >= 0 and <= byte.MaxValue ? Op((byte)'K').Raw((byte)value)
        : value is > byte.MaxValue and <= ushort.MaxValue ? Op((byte)'M').Raw(Little(value, 2))
        : BinInt(value);

    /// <summary>BININT: four bytes whatever the value, so a file's length does not depend on it.</summary>
    public PickleWriter BinInt(int value) => Op((byte)'J').Raw(Little(value, 4));

    /// <summary>LONG1 with the given little-endian two's-complement bytes (none for 0).</summary>
    public PickleWriter Long1(params byte[] littleEndian) => Op(0x8a).Raw((byte)littleEndian.Length).Raw(littleEndian);

    /// <summary>LONG1 with all eight bytes of <paramref name="value"/>.</summary>
    public PickleWriter Long8(long value) => Long1(Little(value, 8));

    public PickleWriter Float(double value)
    {
        var big = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(big, value);
        return Op((byte)'G').Raw(big);
    }

    /// <summary>BINUNICODE: a four-byte length, then the UTF-8 bytes.</summary>
    public PickleWriter String(string value) => StringBytes(Encoding.UTF8.GetBytes(value));

    public PickleWriter StringBytes(byte[] utf8) => Op((byte)'X').Raw(Little(utf8.Length, 4)).Raw(utf8);

    /// <summary>SHORT_BINUNICODE: a one-byte length, then the UTF-8 bytes.</summary>
    public PickleWriter ShortString(string value)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        return Op(0x8c).Raw((byte)utf8.Length).Raw(utf8);
    }

    /// <summary>GLOBAL: module and name, each ended by a newline.</summary>
    public PickleWriter Global(string module, string name) => Op((byte)'c').Raw(Encoding.UTF8.GetBytes($"{module}\n{name}\n"));

    /// <summary>Module and name as short strings, then STACK_GLOBAL (protocol 4).</summary>
    public PickleWriter StackGlobal(string module, string name) => ShortString(module).ShortString(name).Op(0x93);

    public PickleWriter Put(byte index) => Op((byte)'q').Raw(index);

    public PickleWriter LongPut(uint index) => Op((byte)'r').Raw(Little(index, 4));

    public PickleWriter Memoize() => Op(0x94);

    public PickleWriter Get(byte index) => Op((byte)'h').Raw(index);

    public PickleWriter LongGet(uint index) => Op((byte)'j').Raw(Little(index, 4));

    /// <summary>TUPLE: everything above the topmost mark.</summary>
    public PickleWriter Tuple() => Op((byte)'t');

    /// <summary>TUPLE1, TUPLE2 or TUPLE3.</summary>
    public PickleWriter Tuple(int count) => Op(count switch { 1 => 0x85, 2 => 0x86, 3 => 0x87, _ => throw new ArgumentOutOfRangeException(nameof(count)) });

    public PickleWriter Append() => Op((byte)'a');

    public PickleWriter Appends() => Op((byte)'e');

    public PickleWriter SetItem() => Op((byte)'s');

    public PickleWriter SetItems() => Op((byte)'u');

    public PickleWriter PersistentId() => Op((byte)'Q');

    public PickleWriter Reduce() => Op((byte)'R');

    public PickleWriter Build() => Op((byte)'b');

    /// <summary>A tuple of small non-negative integers: EMPTY_TUPLE, TUPLE1–3 or MARK … TUPLE, as pickle picks.</summary>
    public PickleWriter IntTuple(params long[] values)
    {
        if (values.Length == 0)
        {
            return EmptyTuple();
        }

        if (values.Length > 3)
        {
            Mark();
        }

        foreach (long value in values)
        {
            if (value is >= 0 and <= int.MaxValue)
            {
                Int((int)value);
            }
            else
            {
                Long8(value);
            }
        }

        return values.Length > 3 ? Tuple() : Tuple(values.Length);
    }

    /// <summary>
    /// The persistent id <c>('storage', torch.&lt;type&gt;Storage, key, 'cpu', numel)</c> and BINPERSID, as
    /// torch.save writes a tensor's storage.
    /// </summary>
    public PickleWriter Storage(string type, string key, long elementCount)
    {
        Mark().String("storage").Global("torch", type).String(key).String("cpu");
        return (elementCount is >= 0 and <= int.MaxValue ? BinInt((int)elementCount) : Long8(elementCount)).Tuple().PersistentId();
    }

    /// <summary>
    /// <c>torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())</c>: the call
    /// torch.save writes for a tensor. <paramref name="storage"/> writes the storage argument, the others follow it.
    /// </summary>
    public PickleWriter Tensor(Action<PickleWriter> storage, long offset, long[] size, long[] stride)
    {
        Global("torch._utils", "_rebuild_tensor_v2").Mark();
        storage(this);
        if (offset is >= 0 and <= int.MaxValue)
        {
            BinInt((int)offset);
        }
        else
        {
            Long8(offset);
        }

        return IntTuple(size).IntTuple(stride).Bool(false).OrderedDict().Tuple().Reduce();
    }

    /// <summary><c>collections.OrderedDict()</c>: the global applied to an empty tuple.</summary>
    public PickleWriter OrderedDict() => Global("collections", "OrderedDict").EmptyTuple().Reduce();

    private PickleWriter Op(int opcode) => Raw((byte)opcode);

    private static byte[] Little(long value, int size)
    {
        var buffer = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        return buffer[..size];
    }
}
