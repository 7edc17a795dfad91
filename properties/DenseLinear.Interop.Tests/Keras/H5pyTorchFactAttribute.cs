using Xunit;

namespace DenseLinear.Interop.Tests.Keras;

/// <summary>A fact that needs both oracles (torch writes the source, h5py checks the result): skipped, with the install commands, where either is absent.</summary>
public sealed class H5pyTorchFactAttribute : FactAttribute
{
    public H5pyTorchFactAttribute()
    {
        string? reason = KerasOracle.Unavailable ?? Torch.TorchWorker.Unavailable;
        if (reason is not null)
        {
            Skip = reason;
        }
    }
}
