namespace DenseLinear.IO;

/// <summary>
/// Parses the Python-literal dict of a <c>.npy</c> header, strictly: exactly the keys <c>descr</c> (a string),
/// <c>fortran_order</c> (<c>True</c>/<c>False</c>) and <c>shape</c> (a tuple of non-negative ints), each once, in any
/// order, with an optional trailing comma, surrounded only by whitespace. Anything else is an
/// <see cref="InvalidDataException"/>.
/// </summary>
internal ref struct NpyHeaderParser
{
    private readonly ReadOnlySpan<char> text;
    private int position;

    private NpyHeaderParser(ReadOnlySpan<char> text)
    {
        this.text = text;
        position = 0;
    }

    public static NpyHeader Parse(ReadOnlySpan<char> text)
    {
        var parser = new NpyHeaderParser(text);
        return parser.ParseDict();
    }

    private NpyHeader ParseDict()
    {
        string? descr = null;
        bool? fortranOrder = null;
        long[]? shape = null;
        SkipWhitespace();
        Expect('{');
        SkipWhitespace();
        while (Peek() != '}')
        {
            string key = ParseString();
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            switch (key)
            {
                case "descr" when descr is null:
                    descr = ParseString();
                    break;
                case "fortran_order" when fortranOrder is null:
                    fortranOrder = ParseBool();
                    break;
                case "shape" when shape is null:
                    shape = ParseShape();
                    break;
                case "descr" or "fortran_order" or "shape":
                    throw Fail($"key '{key}' appears twice");
                default:
                    throw Fail($"unexpected key '{key}' (a header holds exactly 'descr', 'fortran_order' and 'shape')");
            }

            SkipWhitespace();
            if (Peek() == ',')
            {
                position++;
                SkipWhitespace();
            }
            else if (Peek() != '}')
            {
                throw Fail("expected ',' or '}'");
            }
        }

        position++;
        SkipWhitespace();
        if (position != text.Length)
        {
            throw Fail("unexpected text after the header dict");
        }

        if (descr is null || fortranOrder is null || shape is null)
        {
            throw new InvalidDataException("npy: the header dict must have the keys 'descr', 'fortran_order' and 'shape'.");
        }

        (TensorDType dtype, bool bigEndian) = ParseDescr(descr);
        return new NpyHeader(dtype, bigEndian, fortranOrder.Value, shape);
    }

    private static (TensorDType DType, bool BigEndian) ParseDescr(string descr) => descr switch
    {
        "<f2" => (TensorDType.Float16, false),
        ">f2" => (TensorDType.Float16, true),
        "<f4" => (TensorDType.Float32, false),
        ">f4" => (TensorDType.Float32, true),
        "<f8" => (TensorDType.Float64, false),
        ">f8" => (TensorDType.Float64, true),
        _ => throw new InvalidDataException($"npy: unsupported dtype descr '{descr}' (supported: '<f2', '>f2', '<f4', '>f4', '<f8', '>f8')."),
    };

    private string ParseString()
    {
        char quote = Peek();
        if (quote is not ('\'' or '"'))
        {
            throw Fail("expected a string literal");
        }

        int start = ++position;
        while (position < text.Length && text[position] != quote)
        {
            if (text[position] is '\\' or '\n' or '\r')
            {
                throw Fail("escapes and line breaks are not supported in string literals");
            }

            position++;
        }

        if (position == text.Length)
        {
            throw Fail("unterminated string literal");
        }

        return text[start..position++].ToString();
    }

    private bool ParseBool()
    {
        if (text[position..].StartsWith("True", StringComparison.Ordinal))
        {
            position += 4;
            return true;
        }

        if (text[position..].StartsWith("False", StringComparison.Ordinal))
        {
            position += 5;
            return false;
        }

        throw Fail("fortran_order must be True or False");
    }

    private long[] ParseShape()
    {
        Expect('(');
        var dimensions = new List<long>();
        bool sawComma = false;
        SkipWhitespace();
        while (Peek() != ')')
        {
            dimensions.Add(ParseDimension());
            SkipWhitespace();
            sawComma = Peek() == ',';
            if (sawComma)
            {
                position++;
                SkipWhitespace();
            }
            else if (Peek() != ')')
            {
                throw Fail("expected ',' or ')' in the shape tuple");
            }
        }

        position++;
        if (dimensions.Count == 1 && !sawComma)
        {
            throw Fail("shape must be a tuple; '(n)' is an int, write '(n,)'");
        }

        return [.. dimensions];
    }

    private long ParseDimension()
    {
        int start = position;
        if (Peek() == '-')
        {
            position++;
        }

        int digitsStart = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        ReadOnlySpan<char> digits = text[digitsStart..position];
        if (digits.IsEmpty)
        {
            throw Fail("expected an integer dimension");
        }

        if (digits.Length > 1 && digits[0] == '0')
        {
            throw Fail("leading zeros are not valid in a Python int");
        }

        if (digitsStart != start)
        {
            throw Fail($"negative dimension -{digits}");
        }

        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value))
        {
            throw Fail($"dimension {digits} overflows a 64-bit integer");
        }

        return value;
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Fail($"expected '{expected}'");
        }

        position++;
    }

    private readonly char Peek() => position < text.Length ? text[position] : '\0';

    private void SkipWhitespace()
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\r')
        {
            position++;
        }
    }

    private readonly InvalidDataException Fail(string what) =>
        new($"npy: bad header literal at character {position}: {what}.");
}
