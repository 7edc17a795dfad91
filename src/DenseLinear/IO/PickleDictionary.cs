namespace DenseLinear.IO;

/// <summary>A Python <c>dict</c> or <c>collections.OrderedDict</c> as the restricted unpickler builds it: pairs in insertion order.</summary>
internal sealed class PickleDictionary
{
    public List<KeyValuePair<object?, object?>> Items { get; } = [];
}
