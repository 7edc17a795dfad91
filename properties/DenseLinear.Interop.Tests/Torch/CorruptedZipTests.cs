using System.Text;
using DenseLinear.IO;
using Xunit;
using static DenseLinear.Interop.Tests.Torch.FixtureZip;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// One targeted corruption per check of the zip layer under <c>.pt</c> files, each on a copy of the fixture
/// <c>mlp_f32.pt</c> (written by torch.save): every one is refused with <see cref="InvalidDataException"/> and the
/// message of that check, not of a later one. The offsets are found by walking the zip here, independently of the reader.
/// </summary>
public sealed class CorruptedZipTests
{
    [Fact]
    public void The_fixture_reads_before_it_is_corrupted() => Assert.NotEmpty(PyTorchCheckpointFile.Read(Fixture()).Names);

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void An_archive_on_another_disk_is_refused(int field) =>
        Rejects(With(Fixture(), f => f.Length - EndSize + field, 1, 2), "spans several disks");

    [Fact]
    public void Entries_on_this_disk_differ_from_the_total_are_refused() =>
        Rejects(With(Fixture(), f => f.Length - EndSize + 8, U16(Fixture(), Fixture().Length - EndSize + 8) - 1, 2), "spans several disks");

    [Fact]
    public void A_central_directory_past_the_end_record_is_refused()
    {
        byte[] file = Fixture();
        int end = file.Length - EndSize;
        Rejects(With(file, _ => end + 16, end + 1, 4), "runs past its end record");
        Rejects(With(file, _ => end + 12, end - (int)U32(file, end + 16) + 1, 4), "runs past its end record");
    }

    [Fact]
    public void An_end_record_whose_comment_length_misses_the_file_end_is_refused() =>
        Rejects(With(Fixture(), f => f.Length - EndSize + 20, 1, 2), "no zip end-of-central-directory record");

    [Fact]
    public void A_broken_central_header_signature_is_refused() =>
        Rejects(With(Fixture(), f => Central(f, 1), 0, 4), "central directory entry 1 at");

    [Fact]
    public void A_name_past_the_directory_end_is_refused() =>
        Rejects(With(Fixture(), f => Central(f, Entries(f) - 1) + 32, 60000, 2), "name or extra field past the directory's end");

    [Fact]
    public void A_compressed_record_is_refused() =>
        Rejects(With(Fixture(), f => Central(f, 0) + 10, 8, 2), "is compressed (method 8) or encrypted");

    [Fact]
    public void An_encrypted_record_is_refused()
    {
        byte[] file = Fixture();
        int central = Central(file, 0);
        Rejects(With(file, _ => central + 8, U16(file, central + 8) | 1, 2), "is compressed (method 0) or encrypted");
    }

    [Fact]
    public void A_stored_size_other_than_the_size_is_refused()
    {
        byte[] file = Fixture();
        int central = Central(file, 0);
        Rejects(With(file, _ => central + 20, (int)U32(file, central + 24) + 1, 4), "has stored size");
    }

    [Fact]
    public void Zip64_sizes_and_offsets_are_refused()
    {
        byte[] file = Fixture();
        int central = Central(file, 0);
        Rejects(With(With(file, _ => central + 20, -1, 4), _ => central + 24, -1, 4), "or a zip64 size");
        Rejects(With(file, _ => central + 42, -1, 4), "or a zip64 size");
    }

    [Fact]
    public void A_missing_local_header_is_refused()
    {
        byte[] file = Fixture();
        int local = (int)U32(file, Central(file, 1) + 42);
        Rejects(With(file, _ => local, 0, 4), "has no local header at offset");
        Rejects(With(file, f => Central(f, 1) + 42, (int)U32(file, EndOffset(file) + 16) - LocalSize + 1, 4), "has no local header at offset");
    }

    [Fact]
    public void A_record_running_into_the_central_directory_is_refused()
    {
        byte[] file = Fixture();
        int last = Central(file, Entries(file) - 1);
        int local = (int)U32(file, last + 42);
        Rejects(With(file, _ => local + 28, 60000, 2), "runs into the central directory");

        // The data starts in place but is one byte longer than the room before the directory.
        int directory = (int)U32(file, EndOffset(file) + 16);
        int room = directory - (local + LocalSize + U16(file, local + 26) + U16(file, local + 28));
        Rejects(With(With(file, _ => last + 20, room + 1, 4), _ => last + 24, room + 1, 4), "runs into the central directory");
    }

    [Fact]
    public void Another_name_in_the_local_header_is_refused()
    {
        byte[] file = Fixture();
        int local = (int)U32(file, Central(file, 1) + 42);
        byte[] corrupted = (byte[])file.Clone();
        corrupted[local + LocalSize] ^= 0x20;
        Rejects(corrupted, "has another name in its local header");
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_refused()
    {
        byte[] corrupted = Fixture();
        corrupted[Central(corrupted, 2) + CentralSize] = 0xFF;
        Rejects(corrupted, "record 2's name is not valid UTF-8");
    }

    [Fact]
    public void A_record_named_twice_is_refused()
    {
        // Two data records whose names differ in the last character only: give the second the first one's name, in
        // its central and its local header, so that only the repetition is wrong.
        byte[] corrupted = Fixture();
        (int first, int second) = SameLengthNames(corrupted);
        byte[] name = Encoding.UTF8.GetBytes(Name(corrupted, first));
        name.CopyTo(corrupted, Central(corrupted, second) + CentralSize);
        name.CopyTo(corrupted, (int)U32(corrupted, Central(corrupted, second) + 42) + LocalSize);
        Rejects(corrupted, $"'{Name(corrupted, first)}' appears twice");
    }

    private static (int First, int Second) SameLengthNames(byte[] file)
    {
        string[] names = [.. Enumerable.Range(0, Entries(file)).Select(i => Name(file, i))];
        for (int i = 0; i < names.Length; i++)
        {
            for (int j = i + 1; j < names.Length; j++)
            {
                if (names[i].Length == names[j].Length && names[i][..^1] == names[j][..^1] && names[i].Contains("/data/", StringComparison.Ordinal))
                {
                    return (i, j);
                }
            }
        }

        throw new InvalidOperationException("the fixture has no two data records with names of one length");
    }
}
