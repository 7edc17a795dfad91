using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>A fact against the live torch oracle: skipped, with the reason and the install command, where torch is absent.</summary>
public sealed class TorchFactAttribute : FactAttribute
{
    public TorchFactAttribute()
    {
        if (TorchWorker.Unavailable is string reason)
        {
            Skip = reason;
        }
    }
}
