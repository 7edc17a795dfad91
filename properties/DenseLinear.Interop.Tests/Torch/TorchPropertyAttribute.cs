using FsCheck.Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>A property against the live torch oracle: skipped, with the reason and the install command, where torch is absent.</summary>
public sealed class TorchPropertyAttribute : PropertyAttribute
{
    public TorchPropertyAttribute()
    {
        if (TorchWorker.Unavailable is string reason)
        {
            Skip = reason;
        }
    }
}
