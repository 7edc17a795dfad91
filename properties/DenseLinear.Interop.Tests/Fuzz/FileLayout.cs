namespace DenseLinear.Interop.Tests.Fuzz;

/// <summary>Where a valid file's header length field and header are, so corruptions can aim at them.</summary>
/// <param name="LengthFieldOffset">Byte offset of the little-endian header length.</param>
/// <param name="LengthFieldSize">Its width: 2 (npy 1.0), 4 (npy 2.0/3.0) or 8 (safetensors).</param>
/// <param name="HeaderEnd">Byte offset one past the header, where the data starts.</param>
public sealed record FileLayout(int LengthFieldOffset, int LengthFieldSize, int HeaderEnd);
