using Xunit;

namespace DenseLinear.Interop.Tests.Keras;

/// <summary>A fact against the Keras oracle scripts: skipped, with the reason and the install command, where h5py is absent.</summary>
public sealed class H5pyFactAttribute : FactAttribute
{
    public H5pyFactAttribute()
    {
        if (KerasOracle.Unavailable is string reason)
        {
            Skip = reason;
        }
    }
}
