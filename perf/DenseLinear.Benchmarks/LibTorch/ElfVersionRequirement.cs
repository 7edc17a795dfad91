using System.Buffers.Binary;
using System.Text;

namespace DenseLinear.Benchmarks.LibTorch;

/// <summary>
/// Marks one symbol-version requirement of a 64-bit little-endian ELF shared object as weak
/// (<c>VER_FLG_WEAK</c> in its <c>.gnu.version_r</c> entry), so the loader accepts a library that lacks that version
/// tag. The symbols bound to the tag must then not be called: that is the caller's reason to do this.
/// </summary>
/// <remarks>
/// The walk: the section headers (<c>e_shoff</c>, <c>e_shentsize</c>, <c>e_shnum</c>), the one of type
/// <c>SHT_GNU_verneed</c> (0x6ffffffe) with its string table in <c>sh_link</c> and its entry count in <c>sh_info</c>;
/// each <c>Elf64_Verneed</c> (vn_cnt at +2, vn_aux at +8, vn_next at +12) leads to its <c>Elf64_Vernaux</c> entries
/// (vna_flags at +4, vna_name at +8, vna_next at +12). Every offset is checked against the file.
/// </remarks>
public static class ElfVersionRequirement
{
    private const uint VersionNeedSection = 0x6ffffffe;
    private const ushort WeakFlag = 0x2;

    /// <summary>
    /// Sets the weak flag on every requirement of <paramref name="version"/> in the file's bytes.
    /// </summary>
    /// <returns>How many requirements changed (0 when none is there or all are weak already).</returns>
    /// <exception cref="InvalidDataException">The bytes are not a 64-bit little-endian ELF file, or an offset runs outside it.</exception>
    public static int MarkWeak(byte[] elf, string version)
    {
        ArgumentNullException.ThrowIfNull(elf);
        ArgumentNullException.ThrowIfNull(version);
        if (elf.Length < 64 || !elf.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        }

        long headers = Read(elf, 0x28, 8), entrySize = Read(elf, 0x3A, 2), count = Read(elf, 0x3C, 2);
        if (entrySize < 64)
        {
            throw new InvalidDataException($"section header entries of {entrySize} bytes; Elf64_Shdr has 64");
        }

        int changed = 0;
        for (long header = headers; header < headers + (count * entrySize); header += entrySize)
        {
            if (Read(elf, header + 4, 4) != VersionNeedSection)
            {
                continue;
            }

            long strings = Read(elf, headers + (Read(elf, header + 0x28, 4) * entrySize) + 0x18, 8), need = Read(elf, header + 0x18, 8);
            for (long needs = Read(elf, header + 0x2C, 4), next = 1; needs > 0 && next != 0; needs--, need += next)
            {
                long aux = need + Read(elf, need + 8, 4);
                for (long auxes = Read(elf, need + 2, 2), nextAux = 1; auxes > 0 && nextAux != 0; auxes--, aux += nextAux)
                {
                    long name = strings + Read(elf, aux + 8, 4);
                    _ = Bytes(elf, name, 1);
                    int length = elf.AsSpan((int)name).IndexOf((byte)0);
                    ushort flags = (ushort)Read(elf, aux + 4, 2);
                    if (length >= 0 && Encoding.ASCII.GetString(elf, (int)name, length) == version && (flags & WeakFlag) == 0)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan((int)aux + 4), (ushort)(flags | WeakFlag));
                        changed++;
                    }

                    nextAux = Read(elf, aux + 12, 4);
                }

                next = Read(elf, need + 12, 4);
            }
        }

        return changed;
    }

    /// <summary>The little-endian unsigned integer of <paramref name="size"/> bytes at <paramref name="offset"/>.</summary>
    private static long Read(byte[] elf, long offset, int size)
    {
        ReadOnlySpan<byte> bytes = Bytes(elf, offset, size);
        return size switch
        {
            2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            _ => (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        };
    }

    private static ReadOnlySpan<byte> Bytes(byte[] elf, long offset, long length) =>
        offset >= 0 && length >= 0 && offset <= elf.Length - length
            ? elf.AsSpan((int)offset, (int)length)
            : throw new InvalidDataException($"offset {offset} (+{length}) runs outside the {elf.Length}-byte file");
}
