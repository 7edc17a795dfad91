using DenseLinear.IO;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DenseLinear.Interop.Tests.Fuzz;

/// <summary>
/// Mutated files (bit flips, truncations, header edits, arbitrary header lengths) either parse or raise
/// <see cref="InvalidDataException"/>: never another exception, never an allocation the file's size does not imply.
/// </summary>
/// <remarks>
/// Allocation budget, linear in the file length n: the readers copy the input (n), decode it to UTF-16 or a JSON
/// document (≤ 2n plus pooled buffers), collect header tokens and shape lists (≤ 8 bytes per header character, ×2
/// for list growth), decode the data as stored (≤ n; a .pt view is gathered first, ≤ 2n), may reorder a Fortran copy
/// (≤ n), and format a message (≤ a few n). 32·n covers all of these together; the fixed 1 MiB covers the JSON reader's pooled
/// buffers and exception objects. A header-driven allocation (the point of the check) would be up to 2⁶⁴ bytes.
/// Measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/> around the read only.
/// </remarks>
[Properties(Arbitrary = [typeof(FuzzArbitraries)], MaxTest = 2000)]
public sealed class CorruptedFileProperties
{
    private const long BytesPerFileByte = 32;
    private const long FixedOverhead = 1 << 20;

    [Property]
    public Property A_corrupted_file_is_read_or_rejected_with_InvalidDataException(CorruptedFile file) => ReadOrReject(file);

    /// <summary>torch.save files, 10⁴ corruptions per run (ten times the default count, like the issue asks).</summary>
    [Property(MaxTest = 10000)]
    public Property A_corrupted_pt_file_is_read_or_rejected_with_InvalidDataException(CorruptedPyTorchFile file) => ReadOrReject(file.File);

    /// <summary>
    /// Keras fixtures (HDF5 .weights.h5, legacy .h5, .keras zips), 10⁴ corruptions per run, read by
    /// <see cref="KerasModelFile"/> and its own HDF5 reader.
    /// </summary>
    [Property(MaxTest = 10000)]
    public Property A_corrupted_Keras_file_is_read_or_rejected_with_InvalidDataException(CorruptedKerasFile file) => ReadOrReject(file.File);

    private static Property ReadOrReject(CorruptedFile file)
    {
        byte[] bytes = file.Bytes;
        long before = GC.GetAllocatedBytesForCurrentThread();
        string outcome;
        string? message = null;
        try
        {
            _ = file.Format switch
            {
                WeightFileFormat.Npy => (object)NpyFile.Read(bytes),
                WeightFileFormat.Safetensors => SafetensorsFile.Read(bytes),
                WeightFileFormat.Keras => KerasModelFile.Read(bytes),
                _ => PyTorchCheckpointFile.Read(bytes),
            };

            outcome = "read";
        }
        catch (InvalidDataException e)
        {
            outcome = "rejected";
            message = e.Message;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long budget = (BytesPerFileByte * bytes.Length) + FixedOverhead;
        // Keras' messages come from its reader, its HDF5 guard, or a layer whose stored shapes do not fit.
        string[] prefixes = file.Format switch
        {
            WeightFileFormat.Npy => ["npy: "],
            WeightFileFormat.Safetensors => ["safetensors: "],
            WeightFileFormat.Keras => ["keras: ", "hdf5: ", "Layer '"],
            _ => ["pt: "],
        };
        return (allocated <= budget)
            .Label($"allocated {allocated} bytes reading {bytes.Length}, budget {budget}")
            .And((message is null || prefixes.Any(prefix => message.StartsWith(prefix, StringComparison.Ordinal) && message.Length > prefix.Length + 10))
                .Label($"message '{message}' should start with '{string.Join("' or '", prefixes)}' and say what is wrong"))
            .Classify(outcome == "read", "still valid")
            .Classify(outcome == "rejected", "rejected")
            .Classify(file.Format == WeightFileFormat.Npy, "npy")
            .Classify(file.Format == WeightFileFormat.Keras && bytes.Length > 0 && bytes[0] == (byte)'P', ".keras zip");
    }
}
