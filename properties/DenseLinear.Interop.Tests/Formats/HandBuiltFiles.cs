using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.Interop.Tests.Formats;

/// <summary>Assembles files byte by byte from a header text, so tests state exactly what is on disk.</summary>
public static class HandBuiltFiles
{
    /// <summary>A .npy file: magic, version, length field, <paramref name="header"/> as given (no padding added), data.</summary>
    public static byte[] Npy(string header, byte[] data, byte major = 1, Encoding? encoding = null) =>
        Npy((encoding ?? Encoding.Latin1).GetBytes(header), data, major);

    /// <summary>A .npy file whose header is the raw bytes <paramref name="text"/>.</summary>
    public static byte[] Npy(byte[] text, byte[] data, byte major)
    {
        int lengthSize = major == 1 ? 2 : 4;
        var file = new byte[8 + lengthSize + text.Length + data.Length];
        file[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", file.AsSpan(1));
        file[6] = major;
        file[7] = 0;
        if (lengthSize == 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), (ushort)text.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), (uint)text.Length);
        }

        text.CopyTo(file, 8 + lengthSize);
        data.CopyTo(file, 8 + lengthSize + text.Length);
        return file;
    }

    /// <summary>A .safetensors file: u64 LE length of <paramref name="json"/>, the UTF-8 JSON, data.</summary>
    public static byte[] Safetensors(string json, byte[] data)
    {
        byte[] text = Encoding.UTF8.GetBytes(json);
        var file = new byte[8 + text.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)text.Length);
        text.CopyTo(file, 8);
        data.CopyTo(file, 8 + text.Length);
        return file;
    }

    /// <summary>Little-endian float32 bytes.</summary>
    public static byte[] Float32(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    /// <summary>Little-endian float64 bytes.</summary>
    public static byte[] Float64(params double[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        }

        return bytes;
    }
}
