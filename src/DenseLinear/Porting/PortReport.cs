using System.Text.Json;
using System.Text.Json.Serialization;
using DenseLinear.IO;

namespace DenseLinear.Porting;

/// <summary>What <see cref="PortCheck"/> found: the verdict, each layer pair, the mistakes, the notes and the forward pass.</summary>
/// <param name="LabelA">What the report calls the original (a file name).</param>
/// <param name="LabelB">What it calls the port.</param>
/// <param name="FormatA">The original's file format.</param>
/// <param name="FormatB">The port's file format.</param>
/// <param name="Verdict"><see cref="PortVerdict.Same"/> when there is no finding and the forward pass stays within the bound.</param>
/// <param name="Layers">Each pair of layers of the same index.</param>
/// <param name="Findings">The mistakes, each naming its layer.</param>
/// <param name="Notes">What is not a mistake but worth knowing: unrecorded activations, dtypes, a zero bias against none, the readers' notes.</param>
/// <param name="Forward">The forward pass's figures.</param>
public sealed record PortReport(
    string LabelA,
    string LabelB,
    ModelFileFormat FormatA,
    ModelFileFormat FormatB,
    PortVerdict Verdict,
    IReadOnlyList<LayerComparison> Layers,
    IReadOnlyList<PortFinding> Findings,
    IReadOnlyList<string> Notes,
    ForwardPassReport Forward)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The report as readable text: the verdict first, then the layers, the mistakes, the forward pass and the notes.</summary>
    public string ToText() => PortReportText.Render(this);

    /// <summary>The report as indented JSON (camelCase names, enums as strings, an infinite ratio as <c>"Infinity"</c>), for CI.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
