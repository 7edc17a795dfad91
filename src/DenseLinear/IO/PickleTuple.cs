namespace DenseLinear.IO;

/// <summary>A Python tuple as the restricted unpickler builds it.</summary>
internal sealed class PickleTuple(object?[] items)
{
    public object?[] Items { get; } = items;
}
