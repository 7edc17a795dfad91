namespace DenseLinear.IO;

/// <summary>The stack marker pushed by the pickle <c>MARK</c> opcode.</summary>
internal sealed class PickleMark
{
    public static readonly PickleMark Instance = new();

    private PickleMark()
    {
    }
}
