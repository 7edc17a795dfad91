namespace DenseLinear.IO;

/// <summary>The container kinds <see cref="FileSignature"/> tells apart.</summary>
internal enum FileContainer
{
    /// <summary>No known signature.</summary>
    Unknown,

    /// <summary>A zip archive: a <c>torch.save</c> checkpoint or a <c>.keras</c> archive.</summary>
    Zip,

    /// <summary>An HDF5 file.</summary>
    Hdf5,

    /// <summary>A NumPy <c>.npy</c> file.</summary>
    Npy,

    /// <summary>A bare pickle stream.</summary>
    Pickle,

    /// <summary>A safetensors file.</summary>
    Safetensors,
}
