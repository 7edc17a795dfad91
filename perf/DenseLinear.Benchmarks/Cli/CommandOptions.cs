using System.Globalization;

namespace DenseLinear.Benchmarks.Cli;

/// <summary><c>--name value</c> pairs and bare <c>--flag</c>s, for the report commands.</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public CommandOptions(IEnumerable<string> args)
    {
        string[] list = [.. args];
        for (int i = 0; i < list.Length; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{list[i]}'; options look like --name value.");
            }

            bool hasValue = i + 1 < list.Length && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[list[i]] = hasValue ? list[++i] : null;
        }
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string Required(string name) =>
        values.TryGetValue(name, out string? value) && value is not null
            ? value
            : throw new ArgumentException($"Missing {name} <value>.");

    public string? Optional(string name) => values.GetValueOrDefault(name);

    public double Number(string name, double fallback) =>
        Optional(name) is { } text
            ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;
}
