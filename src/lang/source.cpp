#include "lang/source.h"

namespace lang {

std::string_view source_line(std::string_view source, int line)
{
    size_t start = 0;
    for (int current = 1; current < line; current++) {
        size_t newline = source.find('\n', start);
        if (newline == std::string_view::npos)
            return {};
        start = newline + 1;
    }
    if (line < 1 || start > source.size())
        return {};
    size_t end = source.find('\n', start);
    std::string_view text = source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!text.empty() && text.back() == '\r')
        text.remove_suffix(1);
    return text;
}

// Columns are byte offsets; the caret must sit under the character, so count UTF-8 lead bytes.
static int display_column(std::string_view line, int byte_col)
{
    int column = 0;
    for (int i = 0; i < byte_col && i < (int)line.size(); i++)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
            column++;
    return column;
}

std::string format_source_error(const SourceError& error, std::string_view filename, std::string_view source)
{
    std::string out;
    out += filename;
    out += ":" + std::to_string(error.pos.line) + ":" + std::to_string(error.pos.col + 1) + ": ";
    out += error.message + "\n";
    std::string_view line = source_line(source, error.pos.line);
    if (!line.empty()) {
        out += "    ";
        out += line;
        out += "\n    " + std::string(display_column(line, error.pos.col), ' ') + "^\n";
    }
    out += error.kind + ": " + error.message + "\n";
    return out;
}

} // namespace lang
