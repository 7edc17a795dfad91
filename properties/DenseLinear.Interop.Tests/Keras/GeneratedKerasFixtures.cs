using System.Text.Json;
using Xunit;

namespace DenseLinear.Interop.Tests.Keras;

/// <summary>
/// <c>oracles/keras/generate.py</c> run once for the collection into a temporary directory, deleted afterwards, and the
/// <c>manifest.json</c> it wrote.
/// </summary>
public sealed class GeneratedKerasFixtures : IDisposable
{
    private readonly Lazy<JsonDocument> manifest;

    public GeneratedKerasFixtures()
    {
        manifest = new Lazy<JsonDocument>(Generate, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("denselinear-keras-").FullName;

    /// <summary>The manifest, generating the files on first use.</summary>
    public JsonElement Manifest => manifest.Value.RootElement;

    public string PathOf(string name) => Path.Combine(Directory, name);

    public void Dispose()
    {
        if (manifest.IsValueCreated)
        {
            manifest.Value.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private JsonDocument Generate()
    {
        (int exitCode, string output) = KerasOracle.Run(KerasOracle.Script("generate.py"), Directory);
        return exitCode == 0
            ? JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "manifest.json")))
            : throw new InvalidOperationException($"generate.py exited {exitCode}: {output}");
    }
}

[CollectionDefinition(Name)]
public sealed class GeneratedKerasCollection : ICollectionFixture<GeneratedKerasFixtures>
{
    public const string Name = "Generated Keras fixtures";
}
