using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.IO;

/// <summary>
/// Encodes a <c>state_dict</c> as <c>data.pkl</c>, protocol 2, in the opcodes <c>torch.save</c> emits and
/// <see cref="TorchPickleMachine"/> and <c>torch.load(weights_only=True)</c> accept: an
/// <c>collections.OrderedDict()</c> filled by <c>SETITEM</c>, each value
/// <c>torch._utils._rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())</c>.
/// </summary>
/// <remarks>
/// No memo: every global is written again where it is used, which costs a few bytes per tensor and keeps the
/// encoder free of state. Strings are <c>BINUNICODE</c> (torch 1.13's weights-only loader has no
/// <c>SHORT_BINUNICODE</c>).
/// </remarks>
internal sealed class TorchPickleWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ArrayBufferWriter<byte> bytes = new();

    /// <summary>Starts the pickle with <c>PROTO 2</c> and an empty <c>OrderedDict</c>.</summary>
    public TorchPickleWriter()
    {
        Op(0x80);
        Raw(2);
        OrderedDict();
    }

    /// <summary>Sets <paramref name="name"/> to a contiguous tensor of <paramref name="shape"/> over all of storage <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not valid UTF-16 (a lone surrogate).</exception>
    public void AddTensor(string name, string storageType, string key, long elementCount, ReadOnlySpan<long> shape)
    {
        String(name);
        Global("torch._utils", "_rebuild_tensor_v2");
        Op((byte)'(');
        Op((byte)'(');
        String("storage");
        Global("torch", storageType);
        String(key);
        String("cpu");
        Integer(elementCount);
        Op((byte)'t');
        Op((byte)'Q'); // BINPERSID: the loader maps the id to the zip record data/<key>.
        Integer(0);
        IntegerTuple(shape);
        IntegerTuple(ContiguousStrides(shape));
        Op(0x89); // NEWFALSE: requires_grad
        OrderedDict(); // backward hooks
        Op((byte)'t');
        Op((byte)'R');
        Op((byte)'s');
    }

    /// <summary>Ends the pickle with <c>STOP</c> and returns it.</summary>
    public byte[] Finish()
    {
        Op((byte)'.');
        return bytes.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The strides torch gives a contiguous tensor: 1 for the last axis, each other the next one's times that axis's
    /// size, a zero size counting as 1 (so <c>torch.empty(2, 0, 3).stride()</c> is (3, 3, 1)).
    /// </summary>
    /// <exception cref="ArgumentException">A stride does not fit 64 bits (only a zero-size tensor's can overflow).</exception>
    internal static long[] ContiguousStrides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long stride = 1;
        for (int axis = shape.Length - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            long size = Math.Max(shape[axis], 1);
            stride = axis == 0 || stride <= long.MaxValue / size ? stride * size
                : throw new ArgumentException($"pt: the contiguous strides of shape {StoredTensor.Format(shape)} do not fit 64 bits.", nameof(shape));
        }

        return strides;
    }

    private void OrderedDict()
    {
        Global("collections", "OrderedDict");
        Op((byte)')');
        Op((byte)'R');
    }

    private void IntegerTuple(ReadOnlySpan<long> values)
    {
        if (values.Length == 0)
        {
            Op((byte)')');
            return;
        }

        Op((byte)'(');
        foreach (long value in values)
        {
            Integer(value);
        }

        Op((byte)'t');
    }

    /// <summary>BININT1, BININT2 or BININT for what fits, LONG1 (little-endian two's complement) beyond, as pickle picks.</summary>
    private void Integer(long value)
    {
        Span<byte> buffer = stackalloc byte[sizeof(long)];
        if (value is >= 0 and <= byte.MaxValue)
        {
            Op((byte)'K');
            Raw((byte)value);
        }
        else if (value is > byte.MaxValue and <= ushort.MaxValue)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer, (ushort)value);
            Op((byte)'M');
            Raw(buffer[..sizeof(ushort)]);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, (int)value);
            Op((byte)'J');
            Raw(buffer[..sizeof(int)]);
        }
        else
        {
            // Fewest bytes whose top bit still carries the sign.
            BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
            int length = sizeof(long);
            while (length > 1 && buffer[length - 1] == (value < 0 ? 0xFF : 0) && (buffer[length - 2] & 0x80) == (value < 0 ? 0x80 : 0))
            {
                length--;
            }

            Op(0x8a);
            Raw((byte)length);
            Raw(buffer[..length]);
        }
    }

    private void String(string value)
    {
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"pt: the name '{value}' is not valid UTF-16 and has no UTF-8 form.", nameof(value), e);
        }

        Span<byte> length = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)utf8.Length);
        Op((byte)'X');
        Raw(length);
        Raw(utf8);
    }

    private void Global(string module, string name)
    {
        Op((byte)'c');
        Raw(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));
    }

    private void Op(byte opcode) => Raw(opcode);

    private void Raw(params ReadOnlySpan<byte> raw) => bytes.Write(raw);
}
