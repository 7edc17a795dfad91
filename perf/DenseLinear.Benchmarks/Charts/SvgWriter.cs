using System.Globalization;
using System.Security;
using System.Text;

namespace DenseLinear.Benchmarks.Charts;

/// <summary>A minimal SVG builder: the few shapes a line chart needs, coordinates in user units.</summary>
public sealed class SvgWriter(double width, double height)
{
    private readonly StringBuilder body = new();

    public void Rect(double x, double y, double w, double h, string fill, string stroke = "none") =>
        Append($"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(w)}\" height=\"{F(h)}\" fill=\"{fill}\" stroke=\"{stroke}\"/>");

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null) =>
        Append($"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\" stroke=\"{stroke}\" stroke-width=\"{F(strokeWidth)}\"{Dash(dash)}/>");

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double strokeWidth = 2, string? dash = null) =>
        Append($"<polyline fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{F(strokeWidth)}\"{Dash(dash)} points=\"{string.Join(' ', points.Select(p => $"{F(p.X)},{F(p.Y)}"))}\"/>");

    public void Circle(double cx, double cy, double r, string fill) =>
        Append($"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(r)}\" fill=\"{fill}\"/>");

    public void Text(double x, double y, string text, double size = 12, string anchor = "start", string fill = "#222", double rotate = 0) =>
        Append($"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"{F(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"" +
            (rotate == 0 ? string.Empty : $" transform=\"rotate({F(rotate)} {F(x)} {F(y)})\"") +
            $">{SecurityElement.Escape(text)}</text>");

    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" font-family=\"sans-serif\">\n{body}</svg>\n";

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Dash(string? dash) => dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"";

    private void Append(string element) => body.Append("  ").Append(element).Append('\n');
}
