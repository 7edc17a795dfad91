using DenseLinear.IO;
using Xunit;

namespace DenseLinear.Interop.Tests.Torch;

/// <summary>The state_dict pickles and checks the hand-built checkpoint tests share.</summary>
public static class HandBuiltStateDicts
{
    /// <summary>The six floats of storage <c>0</c> that most tests read: 0.5, 1.5, … 5.5.</summary>
    public static float[] Six => [0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f];

    /// <summary>A protocol-2 state_dict <c>{name: value, …}</c> as EMPTY_DICT, MARK, pairs, SETITEMS, STOP.</summary>
    public static byte[] StateDict(params (string Name, Action<PickleWriter> Value)[] entries)
    {
        PickleWriter pickle = new PickleWriter().Proto(2).EmptyDict().Mark();
        foreach ((string name, Action<PickleWriter> value) in entries)
        {
            pickle.String(name);
            value(pickle);
        }

        return pickle.SetItems().Stop().ToArray();
    }

    /// <summary>A tensor over storage <paramref name="key"/> of <paramref name="elementCount"/> elements of <paramref name="type"/>.</summary>
    public static Action<PickleWriter> Tensor(long[] size, long[] stride, long offset = 0, string key = "0", long elementCount = 6, string type = "FloatStorage") =>
        w => w.Tensor(s => s.Storage(type, key, elementCount), offset, size, stride);

    /// <summary>The 2×3 row-major tensor over all of storage <c>0</c>.</summary>
    public static Action<PickleWriter> Matrix => Tensor([2, 3], [3, 1]);

    /// <summary>A checkpoint of <paramref name="pickle"/> with storage <c>0</c> holding <see cref="Six"/>, little-endian.</summary>
    public static byte[] WithSix(byte[] pickle) => HandBuiltCheckpoint.Create(pickle, "little", ("0", HandBuiltCheckpoint.Floats(false, Six)));

    /// <summary>Reads the checkpoint and returns its tensor <paramref name="name"/> as floats.</summary>
    public static float[] Read(byte[] file, string name) => PyTorchCheckpointFile.Read(file)[name].GetValues<float>().ToArray();

    /// <summary>Asserts the checkpoint is refused with <see cref="InvalidDataException"/> whose message has <paramref name="message"/>.</summary>
    public static void Rejects(byte[] file, string message)
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => PyTorchCheckpointFile.Read(file));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    /// <summary><see cref="Rejects"/> for a pickle in a checkpoint of <see cref="WithSix"/>.</summary>
    public static void RejectsPickle(PickleWriter pickle, string message) => Rejects(WithSix(pickle.ToArray()), message);
}
