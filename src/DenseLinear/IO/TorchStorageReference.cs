namespace DenseLinear.IO;

/// <summary>A storage named by a <c>BINPERSID</c> record <c>('storage', type, key, location, numel)</c>: the zip record <c>data/key</c>.</summary>
internal sealed record TorchStorageReference(string StorageType, string Key, long ElementCount);
