namespace DenseLinear.IO;

/// <summary>A tensor as <c>torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...)</c> describes it, not yet checked against its storage.</summary>
internal sealed record TorchTensorReference(TorchStorageReference Storage, long StorageOffset, long[] Size, long[] Stride);
