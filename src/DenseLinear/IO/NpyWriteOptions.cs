namespace DenseLinear.IO;

/// <summary>How <see cref="NpyFile"/> lays out a file. The default is what <c>np.save</c> writes for a C-contiguous
/// little-endian array.</summary>
public sealed record NpyWriteOptions
{
    /// <summary>The default: version chosen as NumPy does, C order, little-endian.</summary>
    public static NpyWriteOptions Default { get; } = new();

    /// <summary>The format version; <see langword="null"/> chooses as NumPy does (1.0 unless the header needs 2.0).</summary>
    public NpyFormatVersion? Version { get; init; }

    /// <summary>Writes the data column-major with <c>'fortran_order': True</c>.</summary>
    public bool FortranOrder { get; init; }

    /// <summary>Writes big-endian data with descr <c>&gt;f2</c>/<c>&gt;f4</c>/<c>&gt;f8</c>.</summary>
    public bool BigEndian { get; init; }
}
