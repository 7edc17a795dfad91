namespace DenseLinear.IO;

/// <summary>An object of an HDF5 file, a group or a dataset, by the position of its object header.</summary>
internal sealed class Hdf5Node(Hdf5File file, long address, string name, string path)
{
    /// <summary>The file it is in.</summary>
    public Hdf5File File { get; } = file;

    /// <summary>The absolute position of its object header.</summary>
    public long Address { get; } = address;

    /// <summary>Its link name (empty for the root).</summary>
    public string Name { get; } = name;

    /// <summary>Its path from the root, for messages.</summary>
    public string Path { get; } = path;

    /// <summary>Its object header's messages.</summary>
    public List<Hdf5Message> Messages => File.Messages(Address, $"'{Path}'");

    /// <summary>Whether it is a group: it has a symbol table, links or link and group info.</summary>
    public bool IsGroup => Messages.Exists(message => message.Type is Hdf5Message.SymbolTable or Hdf5Message.Link or Hdf5Message.LinkInfo or Hdf5Message.GroupInfo);

    /// <summary>Whether it is a dataset: it has a data layout.</summary>
    public bool IsDataset => Messages.Exists(message => message.Type == Hdf5Message.Layout);

    /// <summary>Its first message of <paramref name="type"/>, or <see langword="null"/> when it has none.</summary>
    /// <exception cref="InvalidDataException">The message is shared (stored elsewhere), which is not read.</exception>
    public Hdf5Message? Message(int type)
    {
        foreach (Hdf5Message message in Messages)
        {
            if (message.Type == type)
            {
                return message.IsShared
                    ? throw new InvalidDataException($"hdf5: '{Path}' refers to a shared message of type {type}, which is not read.")
                    : message;
            }
        }

        return null;
    }
}
