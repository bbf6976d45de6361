using System.Text;

namespace Analytics.Collectors.Interchange;

/// <summary>
/// Reads RFC 4180 CSV records from text, streaming line by line: fields separated by commas, quoted with double quotes
/// when they hold commas, quotes or line breaks, a doubled quote inside quotes for a quote. Each record carries the line
/// it starts on, so errors can point at it.
/// </summary>
internal sealed class CsvReader(TextReader text)
{
    private readonly StringBuilder _field = new();
    private long _line;

    /// <summary>Reads the next record; null at the end of the text. Blank lines are skipped.</summary>
    /// <exception cref="FormatException">A quote is never closed, or text follows a closing quote.</exception>
    public async Task<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        string? line;
        do
        {
            line = await text.ReadLineAsync(cancellationToken);
            _line++;
            if (line is null)
            {
                return null;
            }
        }
        while (line.Length == 0);

        var start = _line;
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var afterQuote = false;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c != '"')
                    {
                        _field.Append(c);
                    }
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        _field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else if (c == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    afterQuote = false;
                }
                else if (c == '"' && _field.Length == 0 && !afterQuote)
                {
                    quoted = true;
                }
                else if (afterQuote)
                {
                    throw new FormatException($"line {_line}: unexpected '{c}' after a closing quote; double a quote inside a quoted field");
                }
                else
                {
                    _field.Append(c);
                }
            }

            if (!quoted)
            {
                fields.Add(_field.ToString());
                return new CsvRecord(start, fields);
            }

            // The quoted field holds a line break: the record goes on on the next line.
            line = await text.ReadLineAsync(cancellationToken);
            _line++;
            if (line is null)
            {
                throw new FormatException($"line {start}: a quoted field is never closed");
            }

            _field.Append('\n');
        }
    }
}
