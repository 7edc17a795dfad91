using System.IO.Compression;
using DenseLinear.IO;
using PureHDF;

namespace DenseLinear.Porting.Tests.Porting;

/// <summary>
/// Files no converter writes: a PyTorch model ported with one layer's weight left in the other framework's layout,
/// laid out here by hand (PureHDF and the zip directly, no h5py), since DenseLinear's writers refuse such a layer.
/// </summary>
internal static class ForgottenTransposeFiles
{
    /// <summary>A Keras 3 <c>.weights.h5</c> of <paramref name="torch"/>: each kernel Wᵀ, but layer <paramref name="untransposed"/>'s left W [out, in].</summary>
    public static byte[] KerasWeights(StoredModel torch, int untransposed)
    {
        var layers = new H5Group { ["input_layer"] = new H5Group { ["vars"] = new H5Group() } };
        for (int i = 0; i < torch.Layers.Count; i++)
        {
            StoredLayer layer = torch.Layers[i];
            var vars = new H5Group { ["0"] = Dataset(i == untransposed ? layer.Weight : layer.Weight.TransposeMatrix()) };
            if (layer.Bias is not null)
            {
                vars["1"] = Dataset(layer.Bias);
            }

            layers[i == 0 ? "dense" : $"dense_{i}"] = new H5Group { ["vars"] = vars };
        }

        var file = new H5File { ["layers"] = layers, ["vars"] = new H5Group() };
        using var buffer = new MemoryStream();
        file.Write(buffer);
        return buffer.ToArray();
    }

    /// <summary>A <c>.keras</c> archive: the config DenseLinear writes for <paramref name="torch"/> (units, use_bias), the weights of <see cref="KerasWeights"/>.</summary>
    public static byte[] KerasArchive(StoredModel torch, int untransposed)
    {
        using var correct = new MemoryStream();
        KerasModelFile.WriteArchive(correct, torch);
        correct.Position = 0;
        var members = new List<(string Name, byte[] Bytes)>();
        using (var archive = new ZipArchive(correct, ZipArchiveMode.Read))
        {
            foreach (ZipArchiveEntry entry in archive.Entries)
            {
                using var bytes = new MemoryStream();
                using (Stream stream = entry.Open())
                {
                    stream.CopyTo(bytes);
                }

                members.Add((entry.FullName, entry.FullName == "model.weights.h5" ? KerasWeights(torch, untransposed) : bytes.ToArray()));
            }
        }

        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] bytes) in members)
            {
                using Stream stream = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A state_dict of <paramref name="torch"/> with layer <paramref name="untransposed"/>'s weight stored as the Keras kernel [in, out]; <paramref name="prefix"/> names layer i.</summary>
    public static SafetensorsContent StateDict(StoredModel torch, int untransposed, Func<int, string>? prefix = null)
    {
        var tensors = new List<KeyValuePair<string, StoredTensor>>();
        for (int i = 0; i < torch.Layers.Count; i++)
        {
            StoredLayer layer = torch.Layers[i];
            string name = prefix?.Invoke(i) ?? layer.Name;
            tensors.Add(new($"{name}.weight", i == untransposed ? layer.Weight.TransposeMatrix() : layer.Weight));
            if (layer.Bias is not null)
            {
                tensors.Add(new($"{name}.bias", layer.Bias));
            }
        }

        return new SafetensorsContent(tensors);
    }

    private static H5Dataset Dataset(StoredTensor tensor) =>
        new(tensor.GetValues<float>().ToArray(), fileDims: [.. tensor.Shape.ToArray().Select(dimension => (ulong)dimension)]);
}
