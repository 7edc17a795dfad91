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
    public static int MarkWeak(Span<byte> elf, string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (elf.Length < 64 || !elf[..4].SequenceEqual("\u007fELF"u8) || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        }

        long sectionHeaders = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]), count = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        if (entrySize < 64)
        {
            throw new InvalidDataException($"section header entries of {entrySize} bytes; Elf64_Shdr has 64");
        }

        Check(elf, sectionHeaders, (long)entrySize * count, "section headers");
        int changed = 0;
        for (int i = 0; i < count; i++)
        {
            Span<byte> header = elf.Slice((int)(sectionHeaders + ((long)i * entrySize)), entrySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != VersionNeedSection)
            {
                continue;
            }

            long offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]), needs = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x2C..]);
            Check(elf, sectionHeaders + ((long)link * entrySize), 64, "string table header");
            long strings = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf[(int)(sectionHeaders + ((long)link * entrySize) + 0x18)..]);
            changed += MarkInSection(elf, offset, needs, strings, version);
        }

        return changed;
    }

    private static int MarkInSection(Span<byte> elf, long need, int needs, long strings, string version)
    {
        int changed = 0;
        for (int n = 0; n < needs; n++)
        {
            Check(elf, need, 16, "Elf64_Verneed");
            int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[(int)(need + 2)..]);
            long aux = need + BinaryPrimitives.ReadUInt32LittleEndian(elf[(int)(need + 8)..]);
            for (int a = 0; a < auxCount; a++)
            {
                Check(elf, aux, 16, "Elf64_Vernaux");
                long name = strings + BinaryPrimitives.ReadUInt32LittleEndian(elf[(int)(aux + 8)..]);
                Check(elf, name, 1, "version name");
                int length = elf[(int)name..].IndexOf((byte)0);
                if (length >= 0 && Encoding.ASCII.GetString(elf.Slice((int)name, length)) == version)
                {
                    ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(elf[(int)(aux + 4)..]);
                    if ((flags & WeakFlag) == 0)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(elf[(int)(aux + 4)..], (ushort)(flags | WeakFlag));
                        changed++;
                    }
                }

                uint nextAux = BinaryPrimitives.ReadUInt32LittleEndian(elf[(int)(aux + 12)..]);
                if (nextAux == 0)
                {
                    break;
                }

                aux += nextAux;
            }

            uint next = BinaryPrimitives.ReadUInt32LittleEndian(elf[(int)(need + 12)..]);
            if (next == 0)
            {
                break;
            }

            need += next;
        }

        return changed;
    }

    private static void Check(ReadOnlySpan<byte> elf, long offset, long length, string what)
    {
        if (offset < 0 || length < 0 || offset > elf.Length - length)
        {
            throw new InvalidDataException($"{what} at {offset} (+{length}) runs outside the {elf.Length}-byte file");
        }
    }
}
