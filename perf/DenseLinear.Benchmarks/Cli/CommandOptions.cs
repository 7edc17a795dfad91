using System.Globalization;

namespace DenseLinear.Benchmarks.Cli;

/// <summary>
/// <c>--name value</c> pairs and bare <c>--flag</c>s, for the report commands. An option given twice keeps both
/// values: <see cref="All"/> reads every one (one per run), the single-value readers the last (a later one overrides).
/// </summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, List<string?>> values = new(StringComparer.Ordinal);

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
            string name = list[i];
            string? value = hasValue ? list[++i] : null;
            if (!values.TryGetValue(name, out List<string?>? given))
            {
                values[name] = given = [];
            }

            given.Add(value);
        }
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string Required(string name) =>
        Optional(name) ?? throw new ArgumentException($"Missing {name} <value>.");

    public string? Optional(string name) => values.TryGetValue(name, out List<string?>? given) ? given[^1] : null;

    /// <summary>Every value of a repeatable option, in order; at least one.</summary>
    public IReadOnlyList<string> All(string name) =>
        values.TryGetValue(name, out List<string?>? given) && given.All(v => v is not null)
            ? [.. given.Select(v => v!)]
            : throw new ArgumentException($"Missing {name} <value>.");

    public double Number(string name, double fallback) =>
        Optional(name) is { } text
            ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : fallback;
}
