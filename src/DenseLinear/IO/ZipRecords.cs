namespace DenseLinear.IO;

/// <summary>The zip format's record signatures and fixed sizes (APPNOTE 4.3), shared by the stored-zip reader and writer.</summary>
internal static class ZipRecords
{
    public const uint LocalHeaderSignature = 0x04034b50;
    public const uint CentralHeaderSignature = 0x02014b50;
    public const uint EndOfCentralDirectorySignature = 0x06054b50;
    public const int LocalHeaderSize = 30;
    public const int CentralHeaderSize = 46;
    public const int EndOfCentralDirectorySize = 22;
}
