using DenseLinear.IO;
using Xunit;
using static DenseLinear.Interop.Tests.Torch.FixtureZip;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>
/// Zip layouts torch.save does not write but other zip tools do (central extra fields, comments, an archive
/// comment of the greatest length), read as the fixture reads; and the bounds around them, each refused by its message.
/// </summary>
public sealed class ZipLayoutTests
{
    [Fact]
    public void Central_extra_fields_and_comments_are_skipped()
    {
        byte[] fixture = Fixture();
        byte[] file = fixture;
        for (int entry = 0; entry < Entries(fixture); entry++)
        {
            file = WithCentralBytes(file, entry, extra: 5 + entry, comment: 7);
        }

        Assert.Equal(fixture.Length + (Entries(fixture) * 12) + (Entries(fixture) * (Entries(fixture) - 1) / 2), file.Length);
        SafetensorsContent expected = PyTorchCheckpointFile.Read(fixture), actual = PyTorchCheckpointFile.Read(file);
        Assert.Equal(expected.Names, actual.Names);
        Assert.All(expected.Names, name => Assert.True(expected[name].BitwiseEquals(actual[name]), name));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(32)]
    public void A_central_extra_field_or_comment_one_byte_past_the_directory_is_refused(int field)
    {
        byte[] file = Fixture();
        int last = Central(file, Entries(file) - 1);
        int directoryEnd = (int)(U32(file, EndOffset(file) + 16) + U32(file, EndOffset(file) + 12));
        int room = directoryEnd - (last + CentralSize + U16(file, last + 28) + U16(file, last + 30) + U16(file, last + 32));
        Rejects(With(file, _ => last + field, U16(file, last + field) + room + 1, 2), $"entry {Entries(file) - 1} has a name or extra field past the directory's end");
    }

    // The directory ends 10 bytes into its last central header: that header is truncated, whatever its name says.
    [Fact]
    public void A_directory_that_ends_inside_a_central_header_is_refused()
    {
        byte[] file = Fixture();
        int last = Central(file, Entries(file) - 1);
        int directoryOffset = (int)U32(file, EndOffset(file) + 16);
        Rejects(With(file, f => EndOffset(f) + 12, last + 10 - directoryOffset, 4), $"zip central directory entry {Entries(file) - 1} at {last} is missing or truncated");
    }

    [Fact]
    public void The_end_record_is_found_behind_the_longest_comment()
    {
        byte[] fixture = Fixture();
        byte[] file = [.. With(fixture, f => EndOffset(f) + 20, ushort.MaxValue, 2), .. Enumerable.Repeat((byte)' ', ushort.MaxValue)];
        Assert.Equal(PyTorchCheckpointFile.Read(fixture).Names, PyTorchCheckpointFile.Read(file).Names);
    }

    [Fact]
    public void A_byte_after_the_end_record_is_refused() =>
        Rejects([.. Fixture(), 0], "no zip end-of-central-directory record in the file's last");

    [Fact]
    public void A_large_file_without_an_end_record_names_the_bytes_searched() =>
        Rejects(new byte[70000], $"no zip end-of-central-directory record in the file's last {EndSize + ushort.MaxValue} bytes");

    // One record "a/x" of 40 bytes with a local header signature planted in its data, and its central entry pointed
    // at that signature, `room` bytes before the central directory (at 73): with fewer than a local header's 30 bytes
    // there is no header, with exactly 30 the header is read and its record then runs into the directory.
    [Theory]
    [InlineData(10, "zip record 'a/x' has no local header at offset 63")]
    [InlineData(29, "zip record 'a/x' has no local header at offset 44")]
    [InlineData(30, "zip record 'a/x' (40 bytes at 73) runs into the central directory at 73")]
    public void A_local_header_must_fit_before_the_central_directory(int room, string message)
    {
        byte[] data = new byte[40];
        "PK\u0003\u0004"u8.CopyTo(data.AsSpan(40 - room));
        byte[] file = HandBuiltCheckpoint.Zip(("a/x", data));
        int directory = (int)U32(file, EndOffset(file) + 16);
        Assert.Equal(73, directory);
        Rejects(With(file, _ => directory + 42, directory - room, 4), message);
    }

    // Entry `entry` of the central directory with `extra` more bytes of extra field and `comment` more of comment; the
    // directory grows by their sum, and nothing before it moves.
    private static byte[] WithCentralBytes(byte[] file, int entry, int extra, int comment)
    {
        int central = Central(file, entry);
        int extraEnd = central + CentralSize + U16(file, central + 28) + U16(file, central + 30);
        int entryEnd = extraEnd + U16(file, central + 32);
        byte[] grown = [.. file[..extraEnd], .. new byte[extra], .. file[extraEnd..entryEnd], .. Enumerable.Repeat((byte)'c', comment), .. file[entryEnd..]];
        grown = With(grown, _ => central + 30, U16(file, central + 30) + extra, 2);
        grown = With(grown, _ => central + 32, U16(file, central + 32) + comment, 2);
        return With(grown, g => EndOffset(g) + 12, U32(file, EndOffset(file) + 12) + extra + comment, 4);
    }
}
