namespace DenseLinear.IO;

/// <summary>One object header message: its type, flags and the byte range of its data.</summary>
internal readonly record struct Hdf5Message(int Type, byte Flags, long Offset, int Length)
{
    public const int Dataspace = 0x01;
    public const int LinkInfo = 0x02;
    public const int Datatype = 0x03;
    public const int Link = 0x06;
    public const int Layout = 0x08;
    public const int GroupInfo = 0x0A;
    public const int FilterPipeline = 0x0B;
    public const int Attribute = 0x0C;
    public const int Continuation = 0x10;
    public const int SymbolTable = 0x11;
    public const int AttributeInfo = 0x15;

    /// <summary>Whether the message is stored elsewhere and only referred to (flag 0x02).</summary>
    public bool IsShared => (Flags & 0x02) != 0;
}
