using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.IO;

/// <summary>
/// A restricted pickle interpreter for <c>data.pkl</c>: only the opcodes <c>torch.save</c> emits (protocols 2 to 4)
/// and only the globals of <see cref="TorchGlobal"/>. It builds plain values (long, double, bool, null, string,
/// <see cref="PickleTuple"/>, lists, <see cref="PickleDictionary"/>) and, for the tensor rebuild function,
/// <see cref="TorchTensorReference"/>; it never creates an object from a name the file supplies.
/// </summary>
/// <remarks>
/// Why not Razorvine.Pickle: it resolves globals into objects through a registry of constructors and accepts any
/// global as a <c>ClassDict</c>; restricting it means overriding its dispatch anyway, and the format here needs only
/// about thirty opcodes, each of which consumes at least one input byte, so the stack, the memo and every container
/// together hold at most as many items as the input has bytes.
/// </remarks>
internal sealed class TorchPickleMachine
{
    private readonly byte[] input;
    private readonly List<object?> stack = [];
    private readonly Dictionary<uint, object?> memo = [];
    private int position;

    private TorchPickleMachine(byte[] input) => this.input = input;

    /// <summary>Runs <paramref name="pickle"/> to its <c>STOP</c> and returns the value left on the stack.</summary>
    /// <exception cref="InvalidDataException">An opcode, a global or an argument is not allowed, or the stream is malformed.</exception>
    public static object? Run(ReadOnlySpan<byte> pickle) => new TorchPickleMachine(pickle.ToArray()).Run();

    private object? Run()
    {
        while (true)
        {
            int at = position;
            byte opcode = Take(1)[0];
            switch (opcode)
            {
                case 0x80: Take(1); break; // PROTO
                case 0x95: Take(8); break; // FRAME: a length hint only
                case (byte)'.': return Stop();
                case (byte)'(': stack.Add(PickleMark.Instance); break;
                case (byte)'}': stack.Add(new PickleDictionary()); break;
                case (byte)']': stack.Add(new List<object?>()); break;
                case (byte)')': stack.Add(new PickleTuple([])); break;
                case (byte)'N': stack.Add(null); break;
                case 0x88: stack.Add(true); break;
                case 0x89: stack.Add(false); break;
                case (byte)'K': stack.Add((long)Take(1)[0]); break;
                case (byte)'M': stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break;
                case (byte)'J': stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break;
                case 0x8a: stack.Add(Long1()); break;
                case (byte)'G': stack.Add(BinaryPrimitives.ReadDoubleBigEndian(Take(8))); break;
                case (byte)'X': stack.Add(Utf8(Take(Length(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))))); break;
                case 0x8c: stack.Add(Utf8(Take(Take(1)[0]))); break;
                case (byte)'c': stack.Add(TorchGlobal.Resolve(Line(), Line())); break;
                case 0x93: StackGlobal(); break;
                case (byte)'q': memo[Take(1)[0]] = Peek(); break;
                case (byte)'r': memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))] = Peek(); break;
                case 0x94: memo[(uint)memo.Count] = Peek(); break;
                case (byte)'h': stack.Add(Get(Take(1)[0])); break;
                case (byte)'j': stack.Add(Get(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))); break;
                case (byte)'t': stack.Add(new PickleTuple([.. PopToMark()])); break;
                case 0x85: stack.Add(new PickleTuple(PopMany(1))); break;
                case 0x86: stack.Add(new PickleTuple(PopMany(2))); break;
                case 0x87: stack.Add(new PickleTuple(PopMany(3))); break;
                case (byte)'a': Append(PopMany(1)); break;
                case (byte)'e': Append([.. PopToMark()]); break;
                case (byte)'s': SetItems(PopMany(2)); break;
                case (byte)'u': SetItems([.. PopToMark()]); break;
                case (byte)'Q': stack.Add(TorchReductions.PersistentStorage(Pop())); break;
                case (byte)'R': Reduce(); break;
                case (byte)'b': Build(); break;
                default:
                    throw new InvalidDataException($"pt: data.pkl opcode 0x{opcode:x2} at byte {at} is not one torch.save writes for a state_dict.");
            }
        }
    }

    private object? Stop()
    {
        if (stack.Count != 1 || stack[0] is PickleMark)
        {
            throw new InvalidDataException($"pt: data.pkl stops with {stack.Count} values on its stack instead of one.");
        }

        if (position != input.Length)
        {
            throw new InvalidDataException($"pt: data.pkl has {input.Length - position} bytes after its STOP opcode.");
        }

        return stack[0];
    }

    private void StackGlobal()
    {
        object?[] names = PopMany(2);
        if (names[0] is not string module || names[1] is not string name)
        {
            throw new InvalidDataException("pt: data.pkl's STACK_GLOBAL takes two strings.");
        }

        stack.Add(TorchGlobal.Resolve(module, name));
    }

    private void Reduce()
    {
        object?[] pair = PopMany(2);
        if (pair[0] is not TorchGlobal global || pair[1] is not PickleTuple arguments)
        {
            throw new InvalidDataException("pt: data.pkl's REDUCE applies something other than an allowed global to a tuple.");
        }

        stack.Add(TorchReductions.Apply(global, arguments.Items));
    }

    private void Build()
    {
        object?[] pair = PopMany(2);

        // An OrderedDict's state is its attribute dict (a state_dict's '_metadata': versions per module), not tensors.
        if (pair[0] is not PickleDictionary || pair[1] is not PickleDictionary)
        {
            throw new InvalidDataException("pt: data.pkl's BUILD sets state on something other than a dict.");
        }

        stack.Add(pair[0]);
    }

    private void Append(object?[] items)
    {
        if (Peek() is not List<object?> list)
        {
            throw new InvalidDataException("pt: data.pkl appends to something that is not a list.");
        }

        list.AddRange(items);
    }

    private void SetItems(object?[] items)
    {
        if (items.Length % 2 != 0 || Peek() is not PickleDictionary dictionary)
        {
            throw new InvalidDataException("pt: data.pkl sets items on something that is not a dict, or with an odd number of keys and values.");
        }

        for (int i = 0; i < items.Length; i += 2)
        {
            dictionary.Items.Add(new(items[i], items[i + 1]));
        }
    }

    private long Long1()
    {
        int length = Take(1)[0];
        if (length > sizeof(long))
        {
            throw new InvalidDataException($"pt: data.pkl has a {length}-byte integer; at most 8 bytes are read.");
        }

        ReadOnlySpan<byte> bytes = Take(length);
        long value = 0;
        for (int i = length - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }

        // Two's complement of the given width: sign-extend from its top bit.
        return length is > 0 and < sizeof(long) && (bytes[length - 1] & 0x80) != 0 ? value - (1L << (8 * length)) : value;
    }

    private string Line()
    {
        int end = Array.IndexOf(input, (byte)'\n', position);
        if (end < 0)
        {
            throw new InvalidDataException("pt: data.pkl's GLOBAL name has no terminating newline.");
        }

        string text = Utf8(input.AsSpan(position, end - position));
        position = end + 1;
        return text;
    }

    private int Length(uint length) =>
        length <= (uint)(input.Length - position) ? (int)length : throw new InvalidDataException($"pt: data.pkl string of {length} bytes runs past the pickle's end.");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > input.Length - position)
        {
            throw new InvalidDataException($"pt: data.pkl ends inside an opcode at byte {position}.");
        }

        ReadOnlySpan<byte> bytes = input.AsSpan(position, count);
        position += count;
        return bytes;
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : throw new InvalidDataException("pt: data.pkl has a string that is not valid UTF-8.");

    private object? Get(uint index) =>
        memo.TryGetValue(index, out object? value) ? value : throw new InvalidDataException($"pt: data.pkl reads memo entry {index}, which was never stored.");

    private object? Peek() =>
        stack.Count > 0 && stack[^1] is not PickleMark ? stack[^1] : throw new InvalidDataException("pt: data.pkl uses a value its stack does not hold.");

    private object? Pop()
    {
        object? value = Peek();
        stack.RemoveAt(stack.Count - 1);
        return value;
    }

    private object?[] PopMany(int count)
    {
        if (stack.Count < count)
        {
            throw new InvalidDataException("pt: data.pkl uses more values than its stack holds.");
        }

        object?[] values = stack.GetRange(stack.Count - count, count).ToArray();
        if (Array.Exists(values, value => value is PickleMark))
        {
            throw new InvalidDataException("pt: data.pkl uses a MARK as a value.");
        }

        stack.RemoveRange(stack.Count - count, count);
        return values;
    }

    private List<object?> PopToMark()
    {
        int mark = stack.FindLastIndex(value => value is PickleMark);
        if (mark < 0)
        {
            throw new InvalidDataException("pt: data.pkl collects items up to a MARK it never set.");
        }

        List<object?> items = stack.GetRange(mark + 1, stack.Count - mark - 1);
        stack.RemoveRange(mark, stack.Count - mark);
        return items;
    }
}
