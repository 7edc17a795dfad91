namespace DenseLinear.IO;

/// <summary>The <c>.npy</c> format versions (NEP 1, <c>numpy.lib.format</c>).</summary>
public enum NpyFormatVersion
{
    /// <summary>1.0: 2-byte little-endian header length, latin-1 header; what <c>np.save</c> writes for ordinary arrays.</summary>
    Version1 = 1,

    /// <summary>2.0: 4-byte little-endian header length, latin-1 header; for headers of 65 536 bytes or more.</summary>
    Version2 = 2,

    /// <summary>3.0: as 2.0 with a UTF-8 header.</summary>
    Version3 = 3,
}
